using System.ComponentModel.DataAnnotations;
using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>Asks Identity to e-mail a reset code; the answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(AccountService.AccountServiceClient accounts) : PortalPageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var request = new RequestPasswordResetRequest { Email = Input.Email.Trim() };
        if (!await TryAsync(async () => await accounts.RequestPasswordResetAsync(request, cancellationToken: ct)))
            return Page();
        return Done(Shared["If an account has this address, a code to choose a new password is on its way."], "/Account/ResetPassword", new { email = request.Email });
    }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    public string Email { get; set; } = "";
}

using System.ComponentModel.DataAnnotations;
using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>The e-mailed code and a new password (also how a new State user sets theirs); its link fills in address and code.</summary>
public sealed class ResetPasswordModel(AccountService.AccountServiceClient accounts) : PortalPageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var request = new ResetPasswordRequest { Email = Input.Email.Trim(), Code = Input.Code.Trim(), NewPassword = Input.NewPassword };
        if (!await TryAsync(async () => await accounts.ResetPasswordAsync(request, cancellationToken: ct)))
            return Page();
        return Done(Shared["Your new password is set: sign in with it."], "/Account/SignIn");
    }
}

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the code from the e-mail.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string NewPassword { get; set; } = "";
}

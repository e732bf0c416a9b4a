using System.ComponentModel.DataAnnotations;
using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>The code of the confirmation e-mail; its link fills in both fields.</summary>
public sealed class ConfirmEmailModel(AccountService.AccountServiceClient accounts) : PortalPageModel
{
    [BindProperty]
    public ConfirmEmailInput Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var request = new ConfirmEmailRequest { Email = Input.Email.Trim(), Code = Input.Code.Trim() };
        if (!await TryAsync(async () => await accounts.ConfirmEmailAsync(request, cancellationToken: ct)))
            return Page();
        return Done(Shared["Your address is confirmed: you can sign in."], "/Account/SignIn");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        ModelState.Remove("Input.Code");
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", Shared["Enter your e-mail address."]);
            return Page();
        }
        var request = new ResendEmailConfirmationRequest { Email = Input.Email.Trim() };
        if (!await TryAsync(async () => await accounts.ResendEmailConfirmationAsync(request, cancellationToken: ct)))
            return Page();
        StatusMessage = Shared["If an account awaits confirmation at this address, a new code is on its way."];
        return RedirectToPage(new { email = request.Email });
    }
}

public sealed class ConfirmEmailInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the code from the e-mail.")]
    public string Code { get; set; } = "";
}

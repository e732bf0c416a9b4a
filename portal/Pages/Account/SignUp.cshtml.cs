using System.ComponentModel.DataAnnotations;
using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>An organization's person creates an account; the confirmation code comes by e-mail.</summary>
public sealed class SignUpModel(AccountService.AccountServiceClient accounts) : PortalPageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public void OnGet() => Input.Language = Culture;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var request = new SignUpRequest { DisplayName = Input.DisplayName.Trim(), Email = Input.Email.Trim(), Password = Input.Password, Language = Input.Language };
        if (!await TryAsync(async () => await accounts.SignUpAsync(request, cancellationToken: ct)))
            return Page();
        return Done(Shared["Account created. We have sent a confirmation code to your address: enter it below, then sign in."],
            "/Account/ConfirmEmail", new { email = request.Email });
    }
}

public sealed class SignUpInput
{
    [Required(ErrorMessage = "Enter your name.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    public string Language { get; set; } = "en";
}

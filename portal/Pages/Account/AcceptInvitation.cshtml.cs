using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Account;

/// <summary>
/// The link of the invitation e-mail (/invitation?invitation=CODE). Open to anyone, since the
/// colleague may have no account yet: signed out, it says how to sign in or up and come back;
/// signed in, one button joins the organization (the service checks the address and the code).
/// </summary>
public sealed class AcceptInvitationModel(InvitationService.InvitationServiceClient invitations,
    IStringLocalizer<Organization.OrganizationText> text) : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "invitation")]
    public string? Code { get; set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>This page again, with its code, for after signing in.</summary>
    public string ReturnUrl => $"{Request.PathBase}{Request.Path}{Request.QueryString}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SignedIn)
            return RedirectToPage("/Account/SignIn", new { returnUrl = ReturnUrl });
        var response = await FetchAsync(async () => await invitations.AcceptInvitationAsync(new AcceptInvitationRequest { Code = Code?.Trim() ?? "" }, cancellationToken: ct));
        if (response is null)
            return Page();
        return Done(text["You have joined {0}.", response.Organization.Name], "/Organization/Index");
    }
}

using Accreditation.Portal.Services;
using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>Colleagues join by invitation: the code goes to their address only; pending invitations can be cancelled.</summary>
public sealed class ColleaguesModel(MyOrganization mine, InvitationService.InvitationServiceClient invitations,
    IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public Registration.V1.Organization? Organization { get; private set; }
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Language = Culture;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Organization is null)
            return RedirectToPage("/Organization/Profile");
        var request = new InviteMemberRequest { OrganizationId = Organization.OrganizationId, Email = Input.Email?.Trim() ?? "", Language = Input.Language };
        if (!await TryAsync(async () => await invitations.InviteMemberAsync(request, cancellationToken: ct)))
            return Page();
        return Done(text["Invitation sent to {0}.", request.Email], "/Organization/Colleagues");
    }

    public async Task<IActionResult> OnPostCancelAsync(string invitationId, CancellationToken ct)
    {
        if (!await TryAsync(async () => await invitations.CancelInvitationAsync(new CancelInvitationRequest { InvitationId = invitationId }, cancellationToken: ct)))
        {
            await LoadAsync(ct);
            return Page();
        }
        return Done(text["The invitation is cancelled: its code no longer works."], "/Organization/Colleagues");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Organization = await mine.GetAsync();
        if (Organization is not null)
            Invitations = (await invitations.ListInvitationsAsync(
                new ListInvitationsRequest { OrganizationId = Organization.OrganizationId, PageSize = 100 }, cancellationToken: ct)).Invitations;
    }
}

public sealed class InviteInput
{
    public string? Email { get; set; }
    public string Language { get; set; } = "en";
}

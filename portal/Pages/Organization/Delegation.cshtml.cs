using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// The representatives of an admitted application: nominated within the dialogue's quota, in
/// person (a seat, or the waiting list once the dialogue's seats are taken) or online.
/// </summary>
public sealed class DelegationModel(ApplicationService.ApplicationServiceClient applications, DialogueService.DialogueServiceClient dialogues,
    RepresentativeService.RepresentativeServiceClient representatives, AttendanceService.AttendanceServiceClient attendance,
    IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public ApplicationFile Case { get; private set; } = null!;
    public IReadOnlyList<Representative> Representatives { get; private set; } = [];

    /// <summary>The online representatives' links to the meeting: each records its representative's attendance when used.</summary>
    public IReadOnlyList<JoinLink> JoinLinks { get; private set; } = [];

    /// <summary>A join link as the representative uses it, without a language: the portal opens it in theirs.</summary>
    public string JoinAddress(JoinLink link) => $"{Request.Scheme}://{Request.Host}/join/{Uri.EscapeDataString(link.JoinCode)}";

    [BindProperty]
    public NominationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var request = new NominateRepresentativeRequest
        {
            ApplicationId = id, FullName = Input.FullName?.Trim() ?? "", Title = Input.Title?.Trim() ?? "", Email = Input.Email?.Trim() ?? "", Mode = Input.Mode,
        };
        var response = await FetchAsync(async () => await representatives.NominateRepresentativeAsync(request, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(id, ct);
        var nominated = response.Representative;
        return Done(nominated.Status == RepresentativeStatus.WaitingList
                ? text["{0} is nominated and on the waiting list for a seat (place {1}).", nominated.FullName, nominated.WaitingPosition]
                : text["{0} is nominated.", nominated.FullName],
            "/Organization/Delegation", new { id });
    }

    public async Task<IActionResult> OnPostModeAsync(string id, string representativeId, AttendanceMode mode, CancellationToken ct)
    {
        var request = new ChangeRepresentativeModeRequest { RepresentativeId = representativeId, Mode = mode };
        var response = await FetchAsync(async () => await representatives.ChangeRepresentativeModeAsync(request, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(id, ct);
        return Done(text["{0}: {1}.", response.Representative.FullName, text.Of(response.Representative.Status)], "/Organization/Delegation", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, string representativeId, CancellationToken ct)
    {
        var request = new WithdrawRepresentativeRequest { RepresentativeId = representativeId };
        var response = await FetchAsync(async () => await representatives.WithdrawRepresentativeAsync(request, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(id, ct);
        return Done(text["{0} is withdrawn from the delegation.", response.Representative.FullName], "/Organization/Delegation", new { id });
    }

    async Task<IActionResult> ShowAsync(string id, CancellationToken ct)
    {
        try
        {
            Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
            Representatives = (await representatives.ListRepresentativesAsync(new ListRepresentativesRequest { ApplicationId = id }, cancellationToken: ct)).Representatives;
            if (Representatives.Any(r => r.Status == RepresentativeStatus.Online))
                JoinLinks = (await attendance.ListJoinLinksAsync(new ListJoinLinksRequest { ApplicationId = id }, cancellationToken: ct)).Links;
            return Page();
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}

/// <summary>Named as the proto's fields (full_name, title, email, mode).</summary>
public sealed class NominationInput
{
    public string? FullName { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public AttendanceMode Mode { get; set; } = AttendanceMode.InPerson;
}

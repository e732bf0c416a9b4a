using Accreditation.Registration.V1;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Public;

/// <summary>
/// An online representative's join link: JoinOnline (anonymous, without a token) records the
/// attendance on the dialogue's day, and the representative goes on to the online meeting. When
/// there is nowhere to go yet, or the link no longer serves, the page says so.
/// </summary>
public sealed class JoinModel(PublicDialogueService.PublicDialogueServiceClient publicDialogues) : PortalPageModel
{
    public JoinOnlineResponse? Joined { get; private set; }

    /// <summary>The link's representative was withdrawn from the delegation.</summary>
    public bool NoLongerValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        try
        {
            Joined = await publicDialogues.JoinOnlineAsync(new JoinOnlineRequest { JoinCode = code }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.FailedPrecondition)
        {
            NoLongerValid = true;
            return Page();
        }
        catch (RpcException e) when (PublicRefusal.Of(e) is { } refusal)
        {
            return refusal;
        }
        // Only a web address the secretariat set: never a script or another scheme.
        return Uri.TryCreate(Joined.OnlineMeetingUrl, UriKind.Absolute, out var meeting) && meeting.Scheme is "https" or "http"
            ? Redirect(meeting.AbsoluteUri)
            : Page();
    }

    /// <summary>A link checker's HEAD (mail scanners ask before the person clicks) records nothing.</summary>
    public IActionResult OnHead() => new OkResult();
}

using System.Text.RegularExpressions;
using Accreditation.Notifications.V1;
using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Me;

/// <summary>
/// The person's inbox: the notices that concern them (their organization, their State or the
/// secretariat), newest first, unread ones marked and marked read here. Auditors read but
/// change nothing, so they get no button (the service refuses them too).
/// </summary>
public sealed partial class InboxModel(InboxService.InboxServiceClient inbox, IStringLocalizer<MeText> text) : PortalPageModel
{
    const int PageSize = 25;

    /// <summary>The service's token of the page shown; none for the newest notices.</summary>
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? PageToken { get; set; }

    public IReadOnlyList<Notice> Notices { get; private set; } = [];
    public string NextPageToken { get; private set; } = "";
    public bool MayMarkRead => !User.IsInRole(Roles.Auditor);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostMarkReadAsync(string noticeId, CancellationToken ct)
    {
        var request = new MarkNoticeReadRequest { NoticeId = noticeId };
        if (await TryAsync(async () => await inbox.MarkNoticeReadAsync(request, cancellationToken: ct)))
            return Done(text["The notice is marked as read."], "/Me/Inbox", new { token = PageToken });
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var page = await inbox.ListNoticesAsync(new ListNoticesRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, cancellationToken: ct);
        Notices = page.Notices;
        NextPageToken = page.NextPageToken;
    }

    /// <summary>The portal's page of the application a notice is about, for the reader's role; null where the portal has none.</summary>
    public string? ApplicationLink(Notice notice)
    {
        if (notice.ApplicationId.Length == 0)
            return null;
        return User.FindFirst(AccreditationClaims.Role)?.Value switch
        {
            Roles.Organization => Url.Page("/Organization/Application", new { id = notice.ApplicationId }),
            Roles.Officer or Roles.Auditor => Url.Page("/Secretariat/Application", new { id = notice.ApplicationId }),
            Roles.State => Url.Page("/State/Index", pageHandler: null, values: null, protocol: null, host: null, fragment: $"application-{notice.ApplicationId}"),
            _ => null,
        };
    }

    /// <summary>A notice's text cut where it holds web addresses, so that each shows as a link.</summary>
    public static IEnumerable<(string Text, Uri? Link)> Pieces(string body)
    {
        var at = 0;
        foreach (Match match in WebAddress().Matches(body))
        {
            if (match.Index > at)
                yield return (body[at..match.Index], null);
            var address = match.Value.TrimEnd('.', ',', ';', ':', ')');
            yield return Uri.TryCreate(address, UriKind.Absolute, out var link) ? (address, link) : (address, null);
            at = match.Index + address.Length;
        }
        if (at < body.Length)
            yield return (body[at..], null);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex WebAddress();
}

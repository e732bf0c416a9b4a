using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme.Summary;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;
using Programme = Accreditation.Registration.Domain.Programme;

namespace Accreditation.Registration.Api;

/// <summary>
/// GET /v1/dialogues/{dialogue_id}/chair-summary?language=en|fr|es: the Chair's summary drafted from
/// the dialogue's data, as a Word document for the secretariat to finish by hand. A plain HTTP
/// download beside gRPC (the gateway routes /v1/dialogues to this service), for officers and auditors.
/// </summary>
static class ChairSummaryEndpoint
{
    public const string Path = "/v1/dialogues/{dialogue_id}/chair-summary";

    public static readonly string[] Readers = [Roles.Officer, Roles.Auditor];

    public static void MapChairSummary(this WebApplication app) =>
        app.MapGet(Path, DownloadAsync).RequireAuthorization();

    static async Task<IResult> DownloadAsync(HttpContext http, RegistrationDb db, TimeProvider clock, IOptions<RegistrationLinksOptions> links, IOptions<GatewayOptions> gateway,
        ILoggerFactory loggers, string dialogue_id, string? language)
    {
        var caller = Caller.From(http.User);
        try
        {
            caller.Require(Readers);
            var id = Require.Id(dialogue_id, "dialogue_id");
            var chosen = SummaryLanguages.Parse(language);
            var data = await db.ChairSummaryDataAsync(id, clock.GetUtcNow(), http.RequestAborted);
            var draft = ChairSummaryDraft.Write(Input(data, CommentsUrl(links.Value.Portal ?? gateway.Value.HttpUrl, id, chosen)), chosen);
            return Results.File(SummaryDocx.Write(draft), SummaryDocx.ContentType,
                $"chair-summary-{data.Dialogue.Date:yyyy-MM-dd}-{chosen.Code()}.docx");
        }
        catch (AccessDeniedException e)
        {
            loggers.CreateLogger(typeof(ChairSummaryEndpoint)).LogWarning("Refused the Chair's summary for {Subject}: {Reason}", caller.Subject, e.Message);
            return HttpRefusals.Problem(e);
        }
        catch (InvalidFieldException e)
        {
            return HttpRefusals.Problem(e);
        }
        catch (NotFoundException e)
        {
            return HttpRefusals.Problem(e);
        }
    }

    /// <summary>The dialogue's public page in the draft's language, where its published written comments are (none without a portal).</summary>
    static string? CommentsUrl(string? root, Guid dialogueId, SummaryLanguage language)
    {
        if (string.IsNullOrEmpty(root) || !Uri.TryCreate(root.EndsWith('/') ? root : root + "/", UriKind.Absolute, out var site))
            return null;
        return new Uri(site, $"{language.Code()}/public/dialogues/{dialogueId}").ToString();
    }

    /// <summary>The data of the dialogue as the draft takes it: names as published, figures by category.</summary>
    static ChairSummaryInput Input(ChairSummaryData data, string? commentsUrl)
    {
        var figures = data.Participation;
        return new ChairSummaryInput(
            data.Dialogue.Date,
            data.Dialogue.Venue,
            data.Series,
            data.WorkingGroups.Select(g => new SummaryWorkingGroup(g.Name, g.Session)).ToList(),
            data.Chairs.Select(c => new SummaryChair(c.Name, c.Title,
                c.Role == Programme.ChairRole.CoChair ? SummaryChairRole.CoChair : SummaryChairRole.Chair)).ToList(),
            data.AgendaItems.Select(i => new Domain.Programme.Summary.SummaryAgendaItem(i.Number, i.Title, Kind(i.Kind),
                i.PanelOrganizations.Select(o => o.Name).ToList(),
                // Those spoken for in alphabetical order: the data keeps no order of its own for them.
                i.Speakers.Select(s => new Domain.Programme.Summary.SummarySpeaker(s.Organization.Name,
                    s.OnBehalfOf.Select(o => o.Name).Order(StringComparer.InvariantCulture).ToList())).ToList())).ToList(),
            new SummaryParticipation(
                figures.Basis == Programme.ParticipationBasis.Attendance ? ParticipationSource.Attendance : ParticipationSource.Admissions,
                figures.In(StakeholderCategory.Ngo),
                figures.In(StakeholderCategory.Academia),
                figures.In(StakeholderCategory.PrivateSector),
                figures.In(StakeholderCategory.Other),
                figures.RepresentativesInPerson,
                figures.RepresentativesOnline),
            commentsUrl);
    }

    static SummaryItemKind Kind(Programme.AgendaItemKind kind) => kind switch
    {
        Programme.AgendaItemKind.Briefing => SummaryItemKind.Briefing,
        Programme.AgendaItemKind.Panel => SummaryItemKind.Panel,
        Programme.AgendaItemKind.CollectionOfInputs => SummaryItemKind.CollectionOfInputs,
        _ => SummaryItemKind.Other,
    };
}

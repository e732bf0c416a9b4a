using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>A panellist with the names it is listed under (empty once the representative was purged).</summary>
public sealed record PanellistView(Panellist Panellist, string RepresentativeName, string RepresentativeTitle, string OrganizationName);

/// <summary>Everything a dialogue's programme holds, read in one go.</summary>
public sealed record ProgrammeView(
    Dialogue Dialogue, DialogueProgramme Programme, IReadOnlyList<AgendaItem> AgendaItems, IReadOnlyList<MeetingDocument> Documents,
    IReadOnlyList<PanellistView> Panellists, IReadOnlyList<FloorRequestView> FloorRequests, ParticipationFigures Participation);

/// <summary>An organization as the Chair's summary names it.</summary>
public sealed record SummaryOrganization(Guid OrganizationId, string Name, string Acronym, StakeholderCategory Category);

/// <summary>A speaker who spoke under an item, and the organizations (that confirmed) it spoke for.</summary>
public sealed record SummarySpeaker(int Position, SummaryOrganization Organization, IReadOnlyList<SummaryOrganization> OnBehalfOf);

/// <summary>An agenda item, with the organization of each accepted panellist (in the panel's order) and its speakers who spoke.</summary>
public sealed record SummaryAgendaItem(int Number, string Title, AgendaItemKind Kind, IReadOnlyList<SummaryOrganization> PanelOrganizations,
    IReadOnlyList<SummarySpeaker> Speakers);

/// <summary>An organization that took part (or, by admissions, is admitted) and how many of its representatives did, by mode.</summary>
public sealed record SummaryParticipant(SummaryOrganization Organization, string Country, int InPerson, int Online);

/// <summary>
/// What a Chair's summary of a dialogue is written from: plain values, no entity to change.
/// <see cref="Participation"/> counts attendance once the dialogue's day is over and admissions before
/// (its Basis says which); <see cref="Participants"/> are the organizations it counts, by name, for
/// figures the summary may want beyond them (category by mode). <see cref="PublishedComments"/> is
/// the number of written comments published.
/// </summary>
public sealed record ChairSummaryData(
    Dialogue Dialogue, string Series, IReadOnlyList<WorkingGroupSession> WorkingGroups, IReadOnlyList<Chair> Chairs,
    IReadOnlyList<SummaryAgendaItem> AgendaItems, ParticipationFigures Participation, IReadOnlyList<SummaryParticipant> Participants,
    int PublishedComments, int PublishedStatements);

/// <summary>Reads of the dialogue itself: its programme, its participation figures, what its Chair's summary needs.</summary>
public static class ProgrammeQueries
{
    public static async Task<Dialogue> DialogueAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        await db.Dialogues.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dialogue", id, RegistrationReasons.DialogueNotFound);

    /// <summary>The dialogue's programme row, or an unsaved empty one (tracked for adding when <paramref name="forUpdate"/>).</summary>
    public static async Task<DialogueProgramme> ProgrammeOfAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct, bool forUpdate = false)
    {
        var programme = await (forUpdate ? db.Programmes() : db.Programmes().AsNoTracking()).SingleOrDefaultAsync(p => p.DialogueId == dialogueId, ct);
        if (programme is not null)
            return programme;
        programme = DialogueProgramme.Empty(dialogueId);
        if (forUpdate)
            db.Programmes().Add(programme);
        return programme;
    }

    public static async Task<AgendaItem> LoadAgendaItemAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        await db.AgendaItems().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Agenda item", id, RegistrationReasons.AgendaItemNotFound);

    public static async Task<ProgrammeView> ProgrammeViewAsync(this RegistrationDb db, Guid dialogueId, DateTimeOffset now, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct) ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
        var programme = await db.ProgrammeOfAsync(dialogueId, ct);
        var items = await db.AgendaItems().AsNoTracking().Where(i => i.DialogueId == dialogueId).OrderBy(i => i.Number).ToListAsync(ct);
        var documents = await db.MeetingDocuments().AsNoTracking().Where(d => d.DialogueId == dialogueId).ToListAsync(ct);
        var panellists = await db.PanellistViewsAsync(db.Panellists().Where(p => p.DialogueId == dialogueId), ct);
        var floor = await db.FloorRequestViewsAsync(db.FloorRequests().Where(f => f.DialogueId == dialogueId), ct);
        var numbers = items.ToDictionary(i => i.Id, i => i.Number);
        return new ProgrammeView(dialogue, programme, items,
            documents.OrderBy(d => d.AgendaItemId is { } i ? numbers.GetValueOrDefault(i) : 0).ThenBy(d => d.Symbol, StringComparer.Ordinal).ToList(),
            panellists.OrderBy(p => numbers.GetValueOrDefault(p.Panellist.AgendaItemId)).ThenBy(p => p.Panellist.InvitedAt).ToList(),
            floor.OrderBy(f => numbers.GetValueOrDefault(f.Request.AgendaItemId)).ThenBy(f => f.Request.Position).ToList(),
            await db.ParticipationAsync(dialogue, now, ct));
    }

    public static async Task<List<PanellistView>> PanellistViewsAsync(this RegistrationDb db, IQueryable<Panellist> panellists, CancellationToken ct) =>
        (await panellists.AsNoTracking()
            .Join(db.Representatives(), p => p.RepresentativeId, r => r.Id, (p, r) => new { p, r.FullName, r.Title })
            .Join(db.Organizations, x => x.p.OrganizationId, o => o.Id, (x, o) => new { x.p, x.FullName, x.Title, o.Name })
            .ToListAsync(ct))
        .Select(x => new PanellistView(x.p, x.FullName, x.Title, x.Name)).ToList();

    public static async Task<List<FloorRequestView>> FloorRequestViewsAsync(this RegistrationDb db, IQueryable<FloorRequest> requests, CancellationToken ct)
    {
        var list = await requests.AsNoTracking().ToListAsync(ct);
        var organizationIds = list.SelectMany(f => f.OnBehalf.Select(o => o.OrganizationId).Append(f.OrganizationId)).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var speakerIds = list.Where(f => f.RepresentativeId is not null).Select(f => f.RepresentativeId!.Value).ToList();
        var speakers = await db.Representatives().AsNoTracking().Where(r => speakerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.FullName, ct);
        return list.Select(f => new FloorRequestView(f, names.GetValueOrDefault(f.OrganizationId, ""),
            f.RepresentativeId is { } r ? speakers.GetValueOrDefault(r, "") : "", names)).ToList();
    }

    /// <summary>From attendance once the dialogue's day is over, from admissions before (see <see cref="Participation"/>).</summary>
    public static async Task<ParticipationFigures> ParticipationAsync(this RegistrationDb db, Dialogue dialogue, DateTimeOffset now, CancellationToken ct)
    {
        var (basis, facts, admitted) = await db.ParticipationFactsAsync(dialogue, now, ct);
        return basis == ParticipationBasis.Attendance ? Participation.FromAttendance(facts) : Participation.FromAdmissions(admitted, facts);
    }

    public static async Task<(ParticipationBasis Basis, IReadOnlyList<ParticipantFact> Facts, IReadOnlyList<AdmittedOrganization> Admitted)> ParticipationFactsAsync(
        this RegistrationDb db, Dialogue dialogue, DateTimeOffset now, CancellationToken ct)
    {
        var basis = Participation.BasisFor(dialogue, now);
        if (basis == ParticipationBasis.Attendance)
        {
            var attended = await db.Attendances().AsNoTracking().Where(a => a.DialogueId == dialogue.Id)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new ParticipantFact(o.Id, o.Category, o.Country, a.RepresentativeId, a.Mode))
                .ToListAsync(ct);
            return (basis, attended, []);
        }
        var admitted = await db.Applications.AsNoTracking().Where(a => a.DialogueId == dialogue.Id && a.State == ApplicationState.Admitted)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new AdmittedOrganization(o.Id, o.Category, o.Country))
            .ToListAsync(ct);
        var representatives = await db.Representatives().AsNoTracking()
            .Where(r => r.DialogueId == dialogue.Id && (r.Status == RepresentativeStatus.InPerson || r.Status == RepresentativeStatus.Online))
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { o.Id, o.Category, o.Country, Representative = r.Id, r.Status })
            .ToListAsync(ct);
        return (basis, representatives.Select(r => new ParticipantFact(r.Id, r.Category, r.Country, r.Representative,
            r.Status == RepresentativeStatus.InPerson ? AttendanceMode.InPerson : AttendanceMode.Online)).ToList(), admitted);
    }

    /// <summary>
    /// What the Chair's summary of a dialogue needs: its working groups and chairs, its agenda items
    /// with the organizations of their accepted panellists and the speakers who spoke (with the
    /// organizations that confirmed they spoke for them), and its participation figures.
    /// </summary>
    public static async Task<ChairSummaryData> ChairSummaryDataAsync(this RegistrationDb db, Guid dialogueId, DateTimeOffset now, CancellationToken ct)
    {
        var view = await db.ProgrammeViewAsync(dialogueId, now, ct);
        var (_, facts, admitted) = await db.ParticipationFactsAsync(view.Dialogue, now, ct);
        var organizationIds = view.Panellists.Select(p => p.Panellist.OrganizationId)
            .Concat(facts.Select(f => f.OrganizationId)).Concat(admitted.Select(a => a.OrganizationId))
            .Concat(view.FloorRequests.SelectMany(f => f.Request.OnBehalf.Select(o => o.OrganizationId).Append(f.Request.OrganizationId)))
            .Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new SummaryOrganization(o.Id, o.Name, o.Acronym, o.Category), ct);
        var items = view.AgendaItems.Select(item => new SummaryAgendaItem(item.Number, item.Title, item.Kind,
            view.Panellists.Where(p => p.Panellist.AgendaItemId == item.Id && p.Panellist.Status == PanellistStatus.Accepted)
                // One per panellist: the summary counts the panellists, then names each organization once.
                .Select(p => organizations[p.Panellist.OrganizationId]).ToList(),
            view.FloorRequests.Where(f => f.Request.AgendaItemId == item.Id && f.Request.Status == FloorRequestStatus.Spoke)
                .OrderBy(f => f.Request.Position)
                .Select(f => new SummarySpeaker(f.Request.Position, organizations[f.Request.OrganizationId],
                    f.Request.OnBehalf.Where(o => o.Status == OnBehalfStatus.Confirmed).Select(o => organizations[o.OrganizationId]).ToList()))
                .ToList())).ToList();
        var participants = facts.Select(f => (f.OrganizationId, f.Country)).Concat(admitted.Select(a => (a.OrganizationId, a.Country))).Distinct()
            .Select(o => new SummaryParticipant(organizations[o.OrganizationId], o.Country,
                facts.Count(f => f.OrganizationId == o.OrganizationId && f.Mode == AttendanceMode.InPerson),
                facts.Count(f => f.OrganizationId == o.OrganizationId && f.Mode == AttendanceMode.Online)))
            .OrderBy(p => p.Organization.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var comments = await db.Set<WrittenComment>().CountAsync(c => c.DialogueId == dialogueId && c.PublishedAt != null, ct);
        return new ChairSummaryData(view.Dialogue, view.Programme.Series, view.Programme.WorkingGroups(view.Dialogue), view.Programme.Chairs,
            items, view.Participation, participants, comments, view.FloorRequests.Count(f => f.Request.StatementPublished));
    }
}

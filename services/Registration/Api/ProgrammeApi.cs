using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// The dialogue's programme: officers edit; officers, auditors and organization users read. States
/// parties are refused: the programme lists representatives (panellists, speakers), whose personal
/// data is never theirs.
/// </summary>
public sealed class ProgrammeApi(RegistrationDb db, TimeProvider clock) : V1.ProgrammeService.ProgrammeServiceBase
{
    public override async Task<V1.UpdateProgrammeResponse> UpdateProgramme(V1.UpdateProgrammeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DialogueId, "dialogue_id");
        await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.DialogueAsync(id, ct);
            var programme = await db.ProgrammeOfAsync(id, ct, forUpdate: true);
            programme.Update(dialogue, request.Series, request.WorkingGroups.Select(g => g.ToDomain()).ToList(),
                request.Chairs.Select(c => c.ToDomain()).ToList(), request.OnlineMeetingUrl, new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, context.CancellationToken);
        return new V1.UpdateProgrammeResponse { Programme = await ProgrammeAsync(caller, id, context.CancellationToken) };
    }

    public override async Task<V1.GetDialogueProgrammeResponse> GetDialogueProgramme(V1.GetDialogueProgrammeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer, Roles.Auditor, Roles.Organization);
        var id = Require.Id(request.DialogueId, "dialogue_id");
        return new V1.GetDialogueProgrammeResponse { Programme = await ProgrammeAsync(caller, id, context.CancellationToken) };
    }

    /// <summary>
    /// The secretariat sees everything; an organization user the floor requests of its organizations
    /// (made or named in), its own representatives' invitations and the others' accepted panellists,
    /// and not the online meeting's address.
    /// </summary>
    async Task<V1.DialogueProgramme> ProgrammeAsync(Caller caller, Guid dialogueId, CancellationToken ct)
    {
        var view = await db.ProgrammeViewAsync(dialogueId, clock.GetUtcNow(), ct);
        if (!caller.IsSecretariat)
        {
            var own = await db.OrganizationsOfAsync(caller, ct);
            // The meeting's address reaches representatives through their join links, which record attendance.
            view.Programme.HideOnlineMeetingUrl();
            view = view with
            {
                Panellists = view.Panellists.Where(p => p.Panellist.IsSeenBy(own)).ToList(),
                FloorRequests = view.FloorRequests.Where(f => f.Request.IsSeenBy(own)).ToList(),
            };
        }
        return view.ToContract();
    }

    public override async Task<V1.AddAgendaItemResponse> AddAgendaItem(V1.AddAgendaItemRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DialogueId, "dialogue_id");
        var kind = request.Kind.ToDomain("kind");
        var item = await db.RetryInTransactionAsync(async ct =>
        {
            var item = AgendaItem.Add(await db.DialogueAsync(id, ct), request.Number, request.Title, kind);
            db.AgendaItems().Add(item);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"The dialogue already has an agenda item {request.Number}.",
                RegistrationReasons.AgendaItemNumberTaken, ("number", request.Number)), ct);
            return item;
        }, context.CancellationToken);
        return new V1.AddAgendaItemResponse { AgendaItem = item.ToContract([]) };
    }

    public override async Task<V1.UpdateAgendaItemResponse> UpdateAgendaItem(V1.UpdateAgendaItemRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.AgendaItemId, "agenda_item_id");
        var kind = request.Kind.ToDomain("kind");
        var item = await db.RetryInTransactionAsync(async ct =>
        {
            var item = await db.LoadAgendaItemAsync(id, ct);
            item.Update(request.Number, request.Title, kind);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"The dialogue already has an agenda item {request.Number}.",
                RegistrationReasons.AgendaItemNumberTaken, ("number", request.Number)), ct);
            return item;
        }, context.CancellationToken);
        var panellists = await db.PanellistViewsAsync(db.Panellists().Where(p => p.AgendaItemId == id), context.CancellationToken);
        return new V1.UpdateAgendaItemResponse { AgendaItem = item.ToContract(panellists) };
    }

    public override async Task<V1.RemoveAgendaItemResponse> RemoveAgendaItem(V1.RemoveAgendaItemRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.AgendaItemId, "agenda_item_id");
        await db.RetryInTransactionAsync(async ct =>
        {
            var item = await db.LoadAgendaItemAsync(id, ct);
            item.EnsureRemovable(await db.Panellists().CountAsync(p => p.AgendaItemId == id, ct), await db.FloorRequests().CountAsync(f => f.AgendaItemId == id, ct));
            db.AgendaItems().Remove(item);
            await db.SaveChangesAsync(ct);
            return true;
        }, context.CancellationToken);
        return new V1.RemoveAgendaItemResponse();
    }

    public override async Task<V1.AddMeetingDocumentResponse> AddMeetingDocument(V1.AddMeetingDocumentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DialogueId, "dialogue_id");
        var itemId = Require.OptionalId(request.AgendaItemId, "agenda_item_id");
        var pdf = PdfDocument.Parse(request.Document.Span, request.DocumentName, "document.pdf");
        var document = await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.DialogueAsync(id, ct);
            var item = itemId is { } i
                ? await db.AgendaItems().SingleOrDefaultAsync(a => a.Id == i, ct) ?? throw new InvalidFieldException("agenda_item_id", "must be an agenda item of the same dialogue", RegistrationReasons.AgendaItemOfAnotherDialogue)
                : null;
            var document = MeetingDocument.Add(dialogue, item, request.Symbol, request.Title, pdf, new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            db.MeetingDocuments().Add(document);
            if (pdf is not null)
                db.StoredDocuments().Add(new StoredDocument(document.Id, pdf));
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"The dialogue already has a meeting document {document.Symbol}.",
                RegistrationReasons.MeetingDocumentSymbolTaken, ("symbol", document.Symbol)), ct);
            return document;
        }, context.CancellationToken);
        return new V1.AddMeetingDocumentResponse { MeetingDocument = document.ToContract() };
    }

    /// <summary>Meeting documents are public documents: anyone signed in reads them.</summary>
    public override async Task<V1.GetMeetingDocumentResponse> GetMeetingDocument(V1.GetMeetingDocumentRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var id = Require.Id(request.DocumentId, "document_id");
        var ct = context.CancellationToken;
        var document = await db.MeetingDocuments().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Meeting document", id, RegistrationReasons.MeetingDocumentNotFound);
        return new V1.GetMeetingDocumentResponse { MeetingDocument = document.ToContract(), Document = await db.StoredBytesAsync(id, ct) };
    }

    public override async Task<V1.RemoveMeetingDocumentResponse> RemoveMeetingDocument(V1.RemoveMeetingDocumentRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DocumentId, "document_id");
        await db.RetryInTransactionAsync(async ct =>
        {
            var document = await db.MeetingDocuments().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Meeting document", id, RegistrationReasons.MeetingDocumentNotFound);
            db.MeetingDocuments().Remove(document);
            await db.StoredDocuments().Where(d => d.OwnerId == id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, context.CancellationToken);
        return new V1.RemoveMeetingDocumentResponse();
    }

    /// <summary>Officers and auditors: a series' figures (see <see cref="Participation.Series"/>).</summary>
    public override async Task<V1.GetSeriesStatisticsResponse> GetSeriesStatistics(V1.GetSeriesStatisticsRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var series = Require.Text(request.Series, "series", 200);
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var dialogues = await db.Programmes().AsNoTracking().Where(p => p.Series == series)
            .Join(db.Dialogues, p => p.DialogueId, d => d.Id, (p, d) => d)
            .ToListAsync(ct);
        var response = new V1.GetSeriesStatisticsResponse { Series = series };
        var facts = new List<(ParticipationBasis, IReadOnlyList<ParticipantFact>, IReadOnlyList<AdmittedOrganization>)>();
        foreach (var dialogue in dialogues.OrderBy(d => d.Date).ThenBy(d => d.Id))
        {
            var (basis, ofDialogue, admitted) = await db.ParticipationFactsAsync(dialogue, now, ct);
            facts.Add((basis, ofDialogue, admitted));
            var figures = basis == ParticipationBasis.Attendance ? Participation.FromAttendance(ofDialogue) : Participation.FromAdmissions(admitted, ofDialogue);
            response.Dialogues.Add(new V1.SeriesDialogue
            {
                DialogueId = dialogue.Id.ToString(), Title = dialogue.Title, Date = dialogue.Date.ToString("yyyy-MM-dd"),
                Basis = basis.ToContract(), Organizations = figures.Organizations,
            });
        }
        response.Participation = Participation.Series(facts).ToContract();
        return response;
    }
}

/// <summary>Small reads the programme's APIs share.</summary>
static class ProgrammeReads
{
    /// <summary>The organizations the caller is a member of (none for the secretariat and States).</summary>
    public static async Task<HashSet<Guid>> OrganizationsOfAsync(this RegistrationDb db, Caller caller, CancellationToken ct) =>
        caller.Role != Roles.Organization ? []
        : (await db.OrganizationMembers.AsNoTracking().Where(m => m.Subject == caller.Subject).Select(m => m.OrganizationId).ToListAsync(ct)).ToHashSet();

    public static async Task<ByteString> StoredBytesAsync(this RegistrationDb db, Guid ownerId, CancellationToken ct) =>
        await db.StoredDocuments().AsNoTracking().Where(d => d.OwnerId == ownerId).Select(d => d.Content).SingleOrDefaultAsync(ct) is { } bytes
            ? ByteString.CopyFrom(bytes) : ByteString.Empty;
}

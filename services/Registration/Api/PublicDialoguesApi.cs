using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Without signing in: a dialogue's public page once its day is over (before, it does not exist
/// here: NOT_FOUND), and the online representatives' join links. Only what the secretariat
/// publishes: accepted panellists, speakers who spoke (and the organizations that confirmed they
/// spoke for them), published statements and comments, aggregate figures that never name a State.
/// </summary>
[AllowAnonymous]
public sealed class PublicDialoguesApi(RegistrationDb db, TimeProvider clock) : V1.PublicDialogueService.PublicDialogueServiceBase
{
    public override async Task<V1.ListPublicDialoguesResponse> ListPublicDialogues(V1.ListPublicDialoguesRequest request, ServerCallContext context)
    {
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var series = Require.OptionalText(request.Series, "series", 200);
        var query = db.Dialogues.AsNoTracking().Where(PublicRecord.Dialogues(clock.GetUtcNow()))
            .GroupJoin(db.Programmes().AsNoTracking(), d => d.Id, p => p.DialogueId, (d, p) => new { Dialogue = d, Programme = p })
            .SelectMany(x => x.Programme.DefaultIfEmpty(), (x, p) => new { x.Dialogue, Programme = p });
        if (series is not null)
            query = query.Where(x => x.Programme != null && x.Programme.Series == series);
        var page = await query.OrderByDescending(x => x.Dialogue.Date).ThenBy(x => x.Dialogue.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListPublicDialoguesResponse
        {
            Dialogues = { page.Select(x => x.Dialogue.ToPublicSummary(x.Programme ?? DialogueProgramme.Empty(x.Dialogue.Id))) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.GetPublicDialogueResponse> GetPublicDialogue(V1.GetPublicDialogueRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.DialogueId, "dialogue_id");
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        await EnsurePublicAsync(id, now, ct);
        var view = await db.ProgrammeViewAsync(id, now, ct);
        var accepted = view.Panellists.Where(p => PublicRecord.ShowsPanellist(p.Panellist)).ToList();
        var numbers = view.AgendaItems.ToDictionary(i => i.Id, i => i.Number);
        var comments = await db.Set<WrittenComment>().AsNoTracking().Where(c => c.DialogueId == id).Where(PublicRecord.Comments)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Comment = c, o.Name })
            .ToListAsync(ct);
        var figures = await db.FiguresAsync(id, ct);
        return new V1.GetPublicDialogueResponse
        {
            Dialogue = new V1.PublicDialogue
            {
                Dialogue = view.Dialogue.ToPublicSummary(view.Programme),
                Chairs = { view.Programme.Chairs.Select(c => c.ToContract()) },
                AgendaItems = { view.AgendaItems.Select(i => i.ToContract(accepted)) },
                MeetingDocuments = { view.Documents.Select(d => d.ToContract()) },
                Speakers =
                {
                    view.FloorRequests.Where(f => PublicRecord.ShowsSpeaker(f.Request))
                        .OrderBy(f => numbers.GetValueOrDefault(f.Request.AgendaItemId)).ThenBy(f => f.Request.Position)
                        .Select(f => new V1.PublicSpeaker
                        {
                            AgendaItemId = f.Request.AgendaItemId.ToString(),
                            Position = f.Request.Position,
                            OrganizationName = f.OrganizationName,
                            OnBehalfOf = { PublicRecord.SpokenFor(f.Request).Select(o => f.NameOf(o.OrganizationId)) },
                            FloorRequestId = f.Request.Id.ToString(),
                            Statement = f.Request.StatementPublished ? ProgrammeMapping.StatementOf(f.Request) : null,
                        }),
                },
                Comments =
                {
                    comments.OrderBy(c => c.Comment.PublishedAt).ThenBy(c => c.Comment.Id).Select(c => new V1.PublicComment
                    {
                        CommentId = c.Comment.Id.ToString(), OrganizationName = c.Name, Text = c.Comment.Text,
                        DocumentName = c.Comment.DocumentName, DocumentSize = c.Comment.DocumentSize,
                        PublishedAt = Timestamp.FromDateTimeOffset(c.Comment.PublishedAt!.Value),
                    }),
                },
                Participation = view.Participation.ToContract(),
                Objections = new V1.PublicObjectionFigures
                {
                    Applications = figures.Applications, Admitted = figures.Admitted, NotAdmitted = figures.NotAdmitted,
                    ObjectingStates = figures.ObjectingStates, OrganizationsObjectedTo = figures.OrganizationsObjectedTo,
                },
            },
        };
    }

    public override async Task<V1.GetPublicDocumentResponse> GetPublicDocument(V1.GetPublicDocumentRequest request, ServerCallContext context)
    {
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var id = Require.Id(request.DocumentId, "document_id");
        var ct = context.CancellationToken;
        await EnsurePublicAsync(dialogueId, clock.GetUtcNow(), ct);
        var name = await db.MeetingDocuments().AsNoTracking().Where(d => d.Id == id && d.DialogueId == dialogueId).Select(d => d.DocumentName).SingleOrDefaultAsync(ct)
            ?? await db.FloorRequests().AsNoTracking().Where(f => f.Id == id && f.DialogueId == dialogueId).Where(PublicRecord.Statements)
                .Select(f => f.StatementDocumentName).SingleOrDefaultAsync(ct);
        var bytes = name is null ? ByteString.Empty : await db.StoredBytesAsync(id, ct);
        if (name is null)
        {
            var comment = await db.Set<WrittenComment>().AsNoTracking().Where(c => c.Id == id && c.DialogueId == dialogueId).Where(PublicRecord.Comments)
                .Select(c => c.DocumentName).SingleOrDefaultAsync(ct);
            if (comment is not null)
                (name, bytes) = (comment, (await db.Set<CommentDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.CommentId == id, ct)).ToContract());
        }
        if (name is null || bytes.IsEmpty)
            throw new NotFoundException("Document", id, RegistrationReasons.PublicDocumentNotFound);
        return new V1.GetPublicDocumentResponse { DocumentName = name, Document = bytes };
    }

    public override async Task<V1.JoinOnlineResponse> JoinOnline(V1.JoinOnlineRequest request, ServerCallContext context)
    {
        var code = JoinCode.Parse(request.JoinCode);
        var (dialogue, programme, recorded) = await db.RetryInTransactionAsync(async ct =>
        {
            var join = await db.JoinCodes().AsNoTracking().SingleOrDefaultAsync(j => j.Code == code, ct) ?? throw new NotFoundException("Join link", code, RegistrationReasons.JoinLinkUnknown);
            var representative = await db.LoadRepresentativeAsync(join.RepresentativeId, ct);
            var dialogue = await db.DialogueAsync(join.DialogueId, ct);
            var programme = await db.ProgrammeOfAsync(dialogue.Id, ct);
            join.EnsureAdmits(representative);
            var recorded = await db.Attendances().AnyAsync(a => a.RepresentativeId == representative.Id, ct);
            if (Attendance.OnJoin(dialogue, representative, recorded, clock.GetUtcNow()) is { } joined)
            {
                db.Attendances().Add(joined);
                await db.SaveChangesAsync(ct);
                recorded = true;
            }
            return (dialogue, programme, recorded);
        }, context.CancellationToken);
        return new V1.JoinOnlineResponse { OnlineMeetingUrl = programme.OnlineMeetingUrl, Recorded = recorded, DialogueTitle = dialogue.Title };
    }

    async Task EnsurePublicAsync(Guid dialogueId, DateTimeOffset now, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct);
        if (dialogue is null || !dialogue.HasTakenPlace(now))
            throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
    }
}

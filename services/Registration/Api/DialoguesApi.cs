using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

public sealed class DialoguesApi(RegistrationDb db, TimeProvider clock) : V1.DialogueService.DialogueServiceBase
{
    public override async Task<V1.CreateDialogueResponse> CreateDialogue(V1.CreateDialogueRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var dialogue = Dialogue.Create(
            Require.Text(request.WorkingGroup, "working_group", 200),
            Require.Text(request.Session, "session", 100),
            Mapping.Date(request.Date, "date"),
            Require.Text(request.Venue, "venue", 200),
            request.RegistrationOpensAt is null ? null : Mapping.Time(request.RegistrationOpensAt, "registration_opens_at"),
            Mapping.Time(request.RegistrationClosesAt, "registration_closes_at"),
            request.ObjectionPeriodDays,
            request.InPersonCapacity,
            Policy(request.Policy),
            clock.GetUtcNow());
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.CreateDialogueResponse { Dialogue = dialogue.ToContract() };
    }

    /// <summary>Officers edit a dialogue; the rules on what may still change live in <see cref="Dialogue.Update"/>.</summary>
    public override async Task<V1.UpdateDialogueResponse> UpdateDialogue(V1.UpdateDialogueRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DialogueId, "dialogue_id");
        var workingGroup = Require.Text(request.WorkingGroup, "working_group", 200);
        var session = Require.Text(request.Session, "session", 100);
        var date = Mapping.Date(request.Date, "date");
        var venue = Require.Text(request.Venue, "venue", 200);
        DateTimeOffset? opens = request.RegistrationOpensAt is null ? null : Mapping.Time(request.RegistrationOpensAt, "registration_opens_at");
        var closes = Mapping.Time(request.RegistrationClosesAt, "registration_closes_at");
        var policy = Policy(request.Policy);
        var (dialogue, changed) = await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dialogue", id, RegistrationReasons.DialogueNotFound);
            var changed = dialogue.Update(workingGroup, session, date, venue, opens, closes, request.ObjectionPeriodDays,
                request.InPersonCapacity, policy, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (dialogue, changed);
        }, context.CancellationToken);
        return new V1.UpdateDialogueResponse { Dialogue = dialogue.ToContract(), ChangedFields = { changed } };
    }

    static DialoguePolicy Policy(V1.DialoguePolicy? policy)
    {
        if (policy is null)
            throw new InvalidFieldException("policy", "is required", CommonReasons.FieldRequired);
        return new DialoguePolicy(
            policy.Circulation.ToDomain("policy.circulation"),
            policy.ObjectionEffect.ToDomain("policy.objection_effect"),
            policy.DiscloseObjectionToOrganization,
            policy.RepresentativesPerOrganization);
    }

    public override async Task<V1.GetDialogueResponse> GetDialogue(V1.GetDialogueRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var id = Require.Id(request.DialogueId, "dialogue_id");
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Dialogue", id, RegistrationReasons.DialogueNotFound);
        return new V1.GetDialogueResponse { Dialogue = dialogue.ToContract() };
    }

    public override async Task<V1.ListDialoguesResponse> ListDialogues(V1.ListDialoguesRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var query = db.Dialogues.AsNoTracking();
        if (request.OpenForRegistration)
            query = query.Where(Dialogue.RegistrationOpenAt(clock.GetUtcNow()));
        var dialogues = await query
            .OrderBy(d => d.Date).ThenBy(d => d.Id)
            .Skip(skip).Take(take)
            .ToListAsync(context.CancellationToken);
        return new V1.ListDialoguesResponse
        {
            Dialogues = { dialogues.Select(d => d.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, dialogues.Count),
        };
    }
}

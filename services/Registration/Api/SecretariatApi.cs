using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Messaging;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Officers screen, request information, circulate and record referral decisions.</summary>
public sealed partial class SecretariatApi(RegistrationDb db, GroupCommit<RegistrationDb> group, TimeProvider clock) : V1.SecretariatService.SecretariatServiceBase
{
    public override async Task<V1.ScreenApplicationResponse> ScreenApplication(V1.ScreenApplicationRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var eligible = request.Outcome.FoundEligible("outcome");
        var reason = Require.OptionalText(request.Reason, "reason");
        var c = await group.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (db, c, now) =>
        {
            c.Application.Screen(eligible, reason, officer, now);
            db.Enqueue(RegistrationEvents.Screened(c, eligible, reason, now), now);
        }, context.CancellationToken);
        return new V1.ScreenApplicationResponse { Application = c.Application.ToContract(true) };
    }

    public override async Task<V1.RequestInformationResponse> RequestInformation(V1.RequestInformationRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var question = Require.Text(request.Question, "question", 10_000);
        var answerBy = Mapping.Time(request.AnswerBy, "answer_by");
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
        {
            c.Application.RequestInformation(question, answerBy, officer, now);
            db.Enqueue(RegistrationEvents.InformationRequested(c, question, answerBy, now), now);
        }, context.CancellationToken);
        return new V1.RequestInformationResponse { Application = c.Application.ToContract(true) };
    }

    public override async Task<V1.CirculateApplicationsResponse> CirculateApplications(V1.CirculateApplicationsRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        DateTimeOffset? requestedDeadline = request.Deadline is null ? null : Mapping.Time(request.Deadline, "deadline");
        var round = await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
                ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
            var eligible = await db.Applications.Where(a => a.DialogueId == dialogueId && a.State == ApplicationState.Eligible)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new EligibleApplicant(a, o))
                .ToListAsync(ct);
            var now = clock.GetUtcNow();
            var round = CirculationRound.Run(dialogue, eligible, requestedDeadline, Guid.NewGuid(), officer, now);
            var (decided, circulated) = RegistrationEvents.Of(round, dialogue, now);
            foreach (var message in decided)
                db.Enqueue(message, now);
            if (circulated is not null)
                db.Enqueue(circulated, now);
            await db.SaveWithLedgerAsync(ct);
            return round;
        }, context.CancellationToken);
        return new V1.CirculateApplicationsResponse
        {
            CirculationId = round.CirculationId.ToString(),
            Deadline = Timestamp.FromDateTimeOffset(round.Deadline),
            CirculatedApplicationIds = { round.Circulated.Select(a => a.Application.Id.ToString()) },
            AdmittedApplicationIds = { round.AdmittedWithoutCirculation.Select(a => a.Application.Id.ToString()) },
        };
    }

    public override async Task<V1.RecordReferralDecisionResponse> RecordReferralDecision(V1.RecordReferralDecisionRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var decision = ReferralDecision.Create(
            request.Outcome.Admits("outcome"),
            Require.Text(request.Body, "body", 200),
            Mapping.Date(request.DecidedOn, "decided_on"),
            request.VotesFor, request.VotesAgainst, request.Abstentions,
            Require.Text(request.DocumentSymbol, "document_symbol", 100));
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
        {
            c.Application.RecordReferralDecision(decision, officer, now);
            db.Enqueue(RegistrationEvents.Decided(c, now), now);
        }, context.CancellationToken);
        return new V1.RecordReferralDecisionResponse { Application = c.Application.ToContract(true) };
    }

    static Actor Officer(ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        return new Actor(caller.Subject, caller.Role);
    }
}

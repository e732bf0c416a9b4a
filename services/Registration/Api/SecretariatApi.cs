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
public sealed partial class SecretariatApi(RegistrationDb db, TimeProvider clock) : V1.SecretariatService.SecretariatServiceBase
{
    public override async Task<V1.ScreenApplicationResponse> ScreenApplication(V1.ScreenApplicationRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var eligible = request.Outcome.FoundEligible("outcome");
        var reason = Require.OptionalText(request.Reason, "reason");
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
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
        var circulation = await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
                ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
            var eligible = await db.Applications.Where(a => a.DialogueId == dialogueId && a.State == ApplicationState.Eligible)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Application = a, Organization = o })
                .ToListAsync(ct);
            if (eligible.Count == 0)
                throw new RuleViolationException("The dialogue has no Eligible application to circulate.", RegistrationReasons.NoEligibleApplication) { Subject = $"dialogues/{dialogueId}" };

            var now = clock.GetUtcNow();
            var deadline = requestedDeadline ?? now.AddDays(dialogue.ObjectionPeriodDays);
            if (deadline <= now)
                throw new InvalidFieldException("deadline", "must be in the future", CommonReasons.DateNotInFuture);
            var circulationId = Guid.NewGuid();
            var response = new V1.CirculateApplicationsResponse { CirculationId = circulationId.ToString(), Deadline = Timestamp.FromDateTimeOffset(deadline) };
            var applicants = new List<CirculatedApplicant>();
            foreach (var (application, organization) in eligible.Select(e => (e.Application, e.Organization)))
            {
                if (dialogue.Circulates(organization))
                {
                    application.Circulate(circulationId, deadline, officer, now);
                    applicants.Add(RegistrationEvents.Applicant(application, organization));
                    response.CirculatedApplicationIds.Add(application.Id.ToString());
                }
                else
                {
                    application.AdmitWithoutCirculation(officer, now);
                    db.Enqueue(RegistrationEvents.Decided(new ApplicationCase(application, organization, dialogue), now), now);
                    response.AdmittedApplicationIds.Add(application.Id.ToString());
                }
            }
            if (applicants.Count > 0)
                db.Enqueue(new ApplicationsCirculated(circulationId, dialogue.Id, dialogue.Title, now, deadline, applicants), now);
            await db.SaveChangesAsync(ct);
            return response;
        }, context.CancellationToken);
        return circulation;
    }

    public override async Task<V1.RecordReferralDecisionResponse> RecordReferralDecision(V1.RecordReferralDecisionRequest request, ServerCallContext context)
    {
        var officer = Officer(context);
        var admitted = Mapping.Domain<ReferralOutcome, V1.ReferralOutcome>(request.Outcome, "outcome") == ReferralOutcome.Admitted;
        var body = Require.Text(request.Body, "body", 200);
        var decidedOn = Mapping.Date(request.DecidedOn, "decided_on");
        var symbol = Require.Text(request.DocumentSymbol, "document_symbol", 100);
        if (request.VotesFor < 0 || request.VotesAgainst < 0 || request.Abstentions < 0)
            throw new InvalidFieldException("votes_for", "vote counts must not be negative", RegistrationReasons.VotesNegative);
        var record = $"{body}, {decidedOn:yyyy-MM-dd}: {(admitted ? "admitted" : "not admitted")} " +
                     $"({request.VotesFor} in favour, {request.VotesAgainst} against, {request.Abstentions} abstaining), {symbol}";
        var details = new Dictionary<string, string>
        {
            ["body"] = body,
            ["decidedOn"] = decidedOn.ToString("yyyy-MM-dd"),
            ["outcome"] = admitted ? "Admitted" : "NotAdmitted",
            ["votesFor"] = request.VotesFor.ToString(),
            ["votesAgainst"] = request.VotesAgainst.ToString(),
            ["abstentions"] = request.Abstentions.ToString(),
            ["documentSymbol"] = symbol,
        };
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
        {
            c.Application.RecordReferralDecision(admitted, record, officer, now, details);
            db.Enqueue(RegistrationEvents.Decided(c, now), now);
        }, context.CancellationToken);
        return new V1.RecordReferralDecisionResponse { Application = c.Application.ToContract(true) };
    }

    static Actor Officer(ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        return new Actor(caller.Subject, caller.Role);
    }

    enum ScreeningOutcome { Eligible = 1, Ineligible = 2 }

    enum ReferralOutcome { Admitted = 1, NotAdmitted = 2 }
}

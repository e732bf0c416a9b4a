using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Messaging;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

public sealed class ApplicationsApi(RegistrationDb db, GroupCommit<RegistrationDb> group, TimeProvider clock) : V1.ApplicationService.ApplicationServiceBase
{
    public override async Task<V1.SubmitApplicationResponse> SubmitApplication(V1.SubmitApplicationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var organizationId = Require.Id(request.OrganizationId, "organization_id");
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var ct = context.CancellationToken;
        // Committed with the submissions that arrive meanwhile, on the batch's context (GroupCommit).
        var application = await group.RunAsync(async (db, ct) =>
        {
            var organization = await db.TrackedOrganizationAsync(organizationId, ct)
                ?? throw new NotFoundException("Organization", organizationId, RegistrationReasons.OrganizationNotFound);
            Access.EnsureMember(caller, organization);
            var dialogue = await db.TrackedDialogueAsync(dialogueId, ct)
                ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
            var now = clock.GetUtcNow();
            var application = Application.Submit(organization, dialogue, new Actor(caller.Subject, caller.Role), now);
            db.Applications.Add(application);
            db.Enqueue(RegistrationEvents.Submitted(new ApplicationCase(application, organization, dialogue), now), now);
            await db.RecordInLedgerAsync(ct);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"Organization {organizationId} has already applied to dialogue {dialogueId}.",
                RegistrationReasons.AlreadyApplied, ("organization_id", organizationId), ("dialogue_id", dialogueId)), ct);
            return application;
        }, ct);
        return new V1.SubmitApplicationResponse { Application = application.ToContract(showObjection: false) };
    }

    public override async Task<V1.GetApplicationResponse> GetApplication(V1.GetApplicationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var c = await db.ReadCaseAsync(Require.Id(request.ApplicationId, "application_id"), caller.Subject, context.CancellationToken);
        Access.EnsureCanRead(caller, c.Application.OrganizationId, c.CallerIsMember);
        var response = new V1.GetApplicationResponse { Application = c.Application.ToContract(ObjectionDisclosure.TellsOfObjections(caller, c.Dialogue)) };
        if (NextStep.For(c.Application, c.Dialogue, clock.GetUtcNow()) is { } next)
            response.NextStep = next.ToContract();
        return response;
    }

    public override async Task<V1.ListApplicationsResponse> ListApplications(V1.ListApplicationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var dialogueId = Require.OptionalId(request.DialogueId, "dialogue_id");
        var query = db.Applications.AsNoTracking().TagWith(PreparedReads.Tag).Where(Access.ApplicationsReadableBy(caller, db.OrganizationMembers));
        if (dialogueId is { } dialogue)
            query = query.Where(a => a.DialogueId == dialogue);
        if (request.State != V1.ApplicationState.Unspecified)
        {
            var state = request.State.ToDomain("state");
            query = query.Where(a => a.State == state);
        }
        var page = await query
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip(skip).Take(take)
            .Join(db.Dialogues, a => a.DialogueId, d => d.Id, (a, d) => new { Application = a, Disclose = d.Policy.DiscloseObjectionToOrganization })
            .ToListAsync(context.CancellationToken);
        return new V1.ListApplicationsResponse
        {
            Applications = { page.Select(p => p.Application.ToContract(ObjectionDisclosure.TellsOfObjections(caller, p.Disclose))) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.GetApplicationHistoryResponse> GetApplicationHistory(V1.GetApplicationHistoryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var c = await db.ReadCaseAsync(Require.Id(request.ApplicationId, "application_id"), caller.Subject, context.CancellationToken);
        Access.EnsureCanRead(caller, c.Application.OrganizationId, c.CallerIsMember);
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(s => s.ApplicationId == c.Application.Id)
            .OrderBy(s => s.Sequence)
            .ToListAsync(context.CancellationToken);
        // Organizations see which role acted, not which staff member, and learn of objections only where the dialogue discloses them.
        return new V1.GetApplicationHistoryResponse
        {
            Changes = { changes.Select(s => s.ToContract(showActorSubject: caller.IsSecretariat, showObjections: ObjectionDisclosure.TellsOfObjections(caller, c.Dialogue))) },
        };
    }

    public override async Task<V1.AnswerInformationRequestResponse> AnswerInformationRequest(V1.AnswerInformationRequestRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var answer = Require.Text(request.Answer, "answer", 10_000);
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
        {
            Access.EnsureMember(caller, c.Organization);
            c.Application.AnswerInformationRequest(answer, new Actor(caller.Subject, caller.Role), now);
            db.Enqueue(RegistrationEvents.Submitted(c, now), now);
        }, context.CancellationToken);
        return new V1.AnswerInformationRequestResponse { Application = c.Application.ToContract(false) };
    }

    public override async Task<V1.WithdrawApplicationResponse> WithdrawApplication(V1.WithdrawApplicationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var reason = Require.OptionalText(request.Reason, "reason");
        var c = await db.ChangeCaseAsync(Require.Id(request.ApplicationId, "application_id"), clock, (c, now) =>
        {
            Access.EnsureMember(caller, c.Organization);
            c.Application.Withdraw(reason, new Actor(caller.Subject, caller.Role), now);
            db.Enqueue(RegistrationEvents.Withdrawn(c, c.Application.Changes[^1].Reason, now), now);
        }, context.CancellationToken);
        return new V1.WithdrawApplicationResponse { Application = c.Application.ToContract(ObjectionDisclosure.TellsOfObjections(caller, c.Dialogue)) };
    }
}

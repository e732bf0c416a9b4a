using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Representatives of admitted organizations: their organization and the secretariat only. States
/// parties are refused outright: representatives' personal data is never theirs to read.
/// </summary>
public sealed class RepresentativesApi(RegistrationDb db, TimeProvider clock) : V1.RepresentativeService.RepresentativeServiceBase
{
    readonly RepresentativeChanges _changes = new(db, clock);

    public override async Task<V1.NominateRepresentativeResponse> NominateRepresentative(V1.NominateRepresentativeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var details = RepresentativeDetails.Parse(request.FullName, request.Title, request.Email);
        var mode = request.Mode.ToDomain("mode");
        var representative = await _changes.NominateAsync(applicationId, caller, details, mode, context.CancellationToken);
        return new V1.NominateRepresentativeResponse { Representative = await ContractAsync(representative, context.CancellationToken) };
    }

    public override async Task<V1.ListRepresentativesResponse> ListRepresentatives(V1.ListRepresentativesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var ct = context.CancellationToken;
        var c = await db.LoadCaseAsync(Require.Id(request.ApplicationId, "application_id"), ct);
        Access.EnsureCanRead(caller, c.Organization);
        var representatives = await db.Representatives().AsNoTracking()
            .Where(r => r.ApplicationId == c.Application.Id)
            .OrderBy(r => r.NominatedAt).ThenBy(r => r.Position)
            .ToListAsync(ct);
        var waiting = await db.WaitingPositionsAsync(c.Dialogue.Id, ct);
        return new V1.ListRepresentativesResponse { Representatives = { representatives.Select(r => r.ToContract(waiting)) } };
    }

    public override async Task<V1.ChangeRepresentativeModeResponse> ChangeRepresentativeMode(V1.ChangeRepresentativeModeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var id = Require.Id(request.RepresentativeId, "representative_id");
        var mode = request.Mode.ToDomain("mode");
        var representative = await _changes.ChangeModeAsync(id, caller, mode, context.CancellationToken);
        return new V1.ChangeRepresentativeModeResponse { Representative = await ContractAsync(representative, context.CancellationToken) };
    }

    /// <summary>The organization withdraws its representative; an officer may remove one.</summary>
    public override async Task<V1.WithdrawRepresentativeResponse> WithdrawRepresentative(V1.WithdrawRepresentativeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer);
        var id = Require.Id(request.RepresentativeId, "representative_id");
        var representative = await _changes.WithdrawAsync(id, caller, context.CancellationToken);
        return new V1.WithdrawRepresentativeResponse { Representative = await ContractAsync(representative, context.CancellationToken) };
    }

    public override async Task<V1.GetParticipantListResponse> GetParticipantList(V1.GetParticipantListRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var ct = context.CancellationToken;
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
            ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
        var admitted = await db.Applications.AsNoTracking()
            .Where(a => a.DialogueId == dialogueId && a.State == ApplicationState.Admitted)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.Id, Organization = o })
            .ToListAsync(ct);
        var representatives = await db.Representatives().AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.Status != RepresentativeStatus.Withdrawn)
            .ToListAsync(ct);
        var waiting = await db.WaitingPositionsAsync(dialogueId, ct);
        var list = ParticipantList.Of(admitted.Select(a => (a.Id, a.Organization)), representatives);
        return new V1.GetParticipantListResponse
        {
            DialogueId = dialogueId.ToString(),
            InPersonCapacity = dialogue.InPersonCapacity,
            Organizations =
            {
                list.Organizations.Select(o => new V1.ParticipatingOrganization
                {
                    OrganizationId = o.Organization.Id.ToString(),
                    ApplicationId = o.ApplicationId.ToString(),
                    Name = o.Organization.Name,
                    Acronym = o.Organization.Acronym,
                    Category = o.Organization.Category.ToContract(),
                    Country = o.Organization.Country,
                    InPerson = { o.InPerson.Select(r => r.ToContract(waiting)) },
                    Online = { o.Online.Select(r => r.ToContract(waiting)) },
                    WaitingList = { o.WaitingList.Select(r => r.ToContract(waiting)) },
                }),
            },
            InPersonCount = list.InPersonCount,
            OnlineCount = list.OnlineCount,
            WaitingListCount = list.WaitingListCount,
        };
    }

    public override async Task<V1.PurgeRepresentativesResponse> PurgeRepresentatives(V1.PurgeRepresentativesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var purged = await _changes.PurgeAsync(dialogueId, caller, context.CancellationToken);
        return new V1.PurgeRepresentativesResponse { PurgedCount = purged };
    }

    async Task<V1.Representative> ContractAsync(Representative representative, CancellationToken ct) =>
        representative.ToContract(await db.WaitingPositionsAsync(representative.DialogueId, ct));
}

using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// The list of speakers. A floor request is the secretariat's, its organization's and the named
/// organizations' until its statement is published: anyone else finds nothing (NOT_FOUND).
/// </summary>
public sealed class SpeakersApi(RegistrationDb db, TimeProvider clock) : V1.SpeakerService.SpeakerServiceBase
{
    public override async Task<V1.RequestFloorResponse> RequestFloor(V1.RequestFloorRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var itemId = Require.Id(request.AgendaItemId, "agenda_item_id");
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var representativeId = Require.OptionalId(request.RepresentativeId, "representative_id");
        var onBehalf = request.OnBehalfOfOrganizationIds.Select((o, i) => Require.Id(o, $"on_behalf_of_organization_ids[{i}]")).ToList();
        var floor = await db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            Access.EnsureMember(caller, c.Organization);
            var item = await db.LoadAgendaItemAsync(itemId, ct);
            if (item.DialogueId != c.Dialogue.Id)
                throw new InvalidFieldException("application_id", "must be an application to the agenda item's dialogue", RegistrationReasons.ApplicationOfAnotherDialogue);
            var representative = representativeId is { } r
                ? await db.Representatives().SingleOrDefaultAsync(x => x.Id == r && x.ApplicationId == applicationId, ct)
                    ?? throw new InvalidFieldException("representative_id", "must be a representative of the same application", RegistrationReasons.RepresentativeOfAnotherApplication)
                : null;
            var admitted = (await db.Applications.Where(a => a.DialogueId == c.Dialogue.Id && a.State == ApplicationState.Admitted && onBehalf.Contains(a.OrganizationId))
                .Select(a => a.OrganizationId).ToListAsync(ct)).ToHashSet();
            var position = (await db.FloorRequests().Where(f => f.AgendaItemId == itemId).MaxAsync(f => (int?)f.Position, ct) ?? 0) + 1;
            var floor = FloorRequest.Request(c.Dialogue, item, c.Application, representative, onBehalf, admitted, position,
                new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            db.FloorRequests().Add(floor);
            await db.SaveChangesAsync(ct);
            return floor;
        }, context.CancellationToken);
        return new V1.RequestFloorResponse { FloorRequest = await ContractAsync(floor.Id, context.CancellationToken) };
    }

    public override async Task<V1.ConfirmOnBehalfResponse> ConfirmOnBehalf(V1.ConfirmOnBehalfRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        var organizationId = Require.Id(request.OrganizationId, "organization_id");
        await ChangeAsync(id, caller, async (floor, ct) =>
        {
            var organization = await db.Organizations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, ct)
                ?? throw new NotFoundException("Organization", organizationId, RegistrationReasons.OrganizationNotFound);
            Access.EnsureMember(caller, organization);
            floor.AnswerOnBehalf(organizationId, request.Confirm, new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
        }, context.CancellationToken);
        return new V1.ConfirmOnBehalfResponse { FloorRequest = await ContractAsync(id, context.CancellationToken) };
    }

    /// <summary>The requesting organization or an officer.</summary>
    public override async Task<V1.WithdrawFloorRequestResponse> WithdrawFloorRequest(V1.WithdrawFloorRequestRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        await ChangeAsync(id, caller, async (floor, ct) =>
        {
            if (!caller.IsSecretariat)
                await EnsureSpeakerAsync(caller, floor, ct);
            floor.Withdraw(clock.GetUtcNow());
        }, context.CancellationToken);
        return new V1.WithdrawFloorRequestResponse { FloorRequest = await ContractAsync(id, context.CancellationToken) };
    }

    public override async Task<V1.OrderSpeakersResponse> OrderSpeakers(V1.OrderSpeakersRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var itemId = Require.Id(request.AgendaItemId, "agenda_item_id");
        var order = request.FloorRequestIds.Select((f, i) => Require.Id(f, $"floor_request_ids[{i}]")).ToList();
        var ct = context.CancellationToken;
        await db.RetryInTransactionAsync(async ct =>
        {
            await db.LoadAgendaItemAsync(itemId, ct);
            SpeakersList.Order(await db.FloorRequests().Where(f => f.AgendaItemId == itemId).ToListAsync(ct), order);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        var views = await db.FloorRequestViewsAsync(db.FloorRequests().Where(f => f.AgendaItemId == itemId), ct);
        return new V1.OrderSpeakersResponse { FloorRequests = { views.OrderBy(v => v.Request.Position).Select(v => v.ToContract()) } };
    }

    public override async Task<V1.MarkSpokeResponse> MarkSpoke(V1.MarkSpokeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        await ChangeAsync(id, caller, async (floor, ct) => floor.MarkSpoke(await db.DialogueAsync(floor.DialogueId, ct), clock.GetUtcNow()), context.CancellationToken);
        return new V1.MarkSpokeResponse { FloorRequest = await ContractAsync(id, context.CancellationToken) };
    }

    public override async Task<V1.SubmitStatementResponse> SubmitStatement(V1.SubmitStatementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        var pdf = PdfDocument.Parse(request.Document.Span, request.DocumentName, "statement.pdf");
        await ChangeAsync(id, caller, async (floor, ct) =>
        {
            await EnsureSpeakerAsync(caller, floor, ct);
            floor.SubmitStatement(request.Text, pdf, clock.GetUtcNow());
            await db.StoredDocuments().Where(d => d.OwnerId == floor.Id).ExecuteDeleteAsync(ct);
            if (pdf is not null)
                db.StoredDocuments().Add(new StoredDocument(floor.Id, pdf));
        }, context.CancellationToken);
        return new V1.SubmitStatementResponse { FloorRequest = await ContractAsync(id, context.CancellationToken) };
    }

    public override async Task<V1.PublishStatementResponse> PublishStatement(V1.PublishStatementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        await ChangeAsync(id, caller, async (floor, ct) =>
            floor.PublishStatement(await db.DialogueAsync(floor.DialogueId, ct), new Actor(caller.Subject, caller.Role), clock.GetUtcNow()),
            context.CancellationToken);
        return new V1.PublishStatementResponse { FloorRequest = await ContractAsync(id, context.CancellationToken) };
    }

    public override async Task<V1.GetFloorRequestResponse> GetFloorRequest(V1.GetFloorRequestRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var id = Require.Id(request.FloorRequestId, "floor_request_id");
        var ct = context.CancellationToken;
        var view = (await db.FloorRequestViewsAsync(db.FloorRequests().Where(f => f.Id == id), ct)).SingleOrDefault();
        if (view is null || !await VisibleAsync(caller, view.Request, ct))
            throw new NotFoundException("Floor request", id, RegistrationReasons.FloorRequestNotFound);
        return new V1.GetFloorRequestResponse { FloorRequest = view.ToContract(), Document = await db.StoredBytesAsync(id, ct) };
    }

    public override async Task<V1.ListFloorRequestsResponse> ListFloorRequests(V1.ListFloorRequestsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var itemId = Require.OptionalId(request.AgendaItemId, "agenda_item_id");
        var ct = context.CancellationToken;
        var query = db.FloorRequests().Where(f => f.DialogueId == dialogueId);
        if (itemId is { } i)
            query = query.Where(f => f.AgendaItemId == i);
        if (!caller.IsSecretariat)
        {
            query = query.Where(FloorRequest.SeenByMembersOf(await db.OrganizationsOfAsync(caller, ct)));
        }
        var views = await db.FloorRequestViewsAsync(query, ct);
        var numbers = await db.AgendaItems().AsNoTracking().Where(a => a.DialogueId == dialogueId).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        return new V1.ListFloorRequestsResponse
        {
            FloorRequests = { views.OrderBy(v => numbers.GetValueOrDefault(v.Request.AgendaItemId)).ThenBy(v => v.Request.Position).Select(v => v.ToContract()) },
        };
    }

    /// <summary>Whom a speaker may speak for: only those admitted to the dialogue see who else is.</summary>
    public override async Task<V1.ListAdmittedOrganizationsResponse> ListAdmittedOrganizations(V1.ListAdmittedOrganizationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var ct = context.CancellationToken;
        await db.DialogueAsync(dialogueId, ct);
        var admitted = await db.Applications.AsNoTracking().Where(a => a.DialogueId == dialogueId && a.State == ApplicationState.Admitted)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => o)
            .ToListAsync(ct);
        if (!caller.IsSecretariat)
            Access.EnsureAdmittedAmong(await db.OrganizationsOfAsync(caller, ct), admitted, dialogueId);
        return new V1.ListAdmittedOrganizationsResponse
        {
            Organizations =
            {
                admitted.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).Select(o => new V1.AdmittedOrganization
                {
                    OrganizationId = o.Id.ToString(), Name = o.Name, Acronym = o.Acronym, Category = o.Category.ToContract(),
                }),
            },
        };
    }

    /// <summary>
    /// Loads a floor request the caller can see (NOT_FOUND otherwise), applies the change (which
    /// checks what the caller may do) and saves, in one transaction.
    /// </summary>
    Task ChangeAsync(Guid id, Caller caller, Func<FloorRequest, CancellationToken, Task> change, CancellationToken ct) =>
        db.RetryInTransactionAsync(async ct =>
        {
            var floor = await db.FloorRequests().SingleOrDefaultAsync(f => f.Id == id, ct);
            if (floor is null || !await VisibleAsync(caller, floor, ct))
                throw new NotFoundException("Floor request", id, RegistrationReasons.FloorRequestNotFound);
            await change(floor, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    Task<bool> VisibleAsync(Caller caller, FloorRequest floor, CancellationToken ct) =>
        floor.IsVisibleToAsync(caller.IsSecretariat, () => db.OrganizationsOfAsync(caller, ct));

    /// <summary>Only the speaking organization's members change its request and its statement.</summary>
    async Task EnsureSpeakerAsync(Caller caller, FloorRequest floor, CancellationToken ct)
    {
        var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == floor.OrganizationId, ct);
        Access.EnsureMember(caller, organization);
    }

    async Task<V1.FloorRequest> ContractAsync(Guid id, CancellationToken ct) =>
        (await db.FloorRequestViewsAsync(db.FloorRequests().Where(f => f.Id == id), ct)).Single().ToContract();
}

using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Members invite colleagues; a colleague signed in with the invited address joins with the e-mailed code.</summary>
public sealed class InvitationsApi(RegistrationDb db, TimeProvider clock, IOptions<Quotas> quotas, EmailRecipientBudget recipients,
    ILogger<InvitationsApi> logger) : V1.InvitationService.InvitationServiceBase
{
    /// <summary>The claim of a person's token that holds its (sign-in) e-mail address.</summary>
    const string EmailClaim = "email";

    public override async Task<V1.InviteMemberResponse> InviteMember(V1.InviteMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var organizationId = Require.Id(request.OrganizationId, "organization_id");
        var language = Invitation.Language(request.Language);
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new NotFoundException("Organization", organizationId, RegistrationReasons.OrganizationNotFound);
        Access.EnsureMember(caller, organization);

        var invitation = await db.RetryInTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow();
            var (created, code) = Invitation.Create(organization.Id, request.Email, caller.Subject, now);
            quotas.Value.EnsureRoomForInvitation(await db.Set<Invitation>()
                .CountAsync(i => i.OrganizationId == organization.Id && i.AcceptedAt == null && i.CancelledAt == null && i.ExpiresAt > now, token));
            recipients.Spend(created.Email);
            db.Set<Invitation>().Add(created);
            db.Enqueue(new MemberInvited(created.Id, organization.Id, organization.Name, created.Email, language, code, created.ExpiresAt, now), now);
            await db.SaveChangesAsync(token);
            return created;
        }, ct);
        logger.LogInformation("Invitation {InvitationId} to organization {OrganizationId} sent by {Subject}", invitation.Id, organization.Id, caller.Subject);
        return new V1.InviteMemberResponse { Invitation = ToContract(invitation, clock.GetUtcNow()) };
    }

    public override async Task<V1.AcceptInvitationResponse> AcceptInvitation(V1.AcceptInvitationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var email = context.GetHttpContext().User.FindFirst(EmailClaim)?.Value;
        if (string.IsNullOrWhiteSpace(request.Code))
            throw new InvalidFieldException("code", "is required", CommonReasons.FieldRequired);
        var hash = Invitation.Hash(request.Code);

        var (invitation, organization) = await db.RetryInTransactionAsync(async ct =>
        {
            // An unknown code and a guessed one look alike: not found.
            var found = await db.Set<Invitation>().SingleOrDefaultAsync(i => i.CodeHash == hash, ct)
                ?? throw new NotFoundException("Invitation", "with this code", RegistrationReasons.InvitationCodeUnknown);
            var now = clock.GetUtcNow();
            found.Accept(caller.Subject, email, now);
            var joined = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == found.OrganizationId, ct);
            joined.AddMember(caller.Subject, now);
            // Notifications' member directory: the colleague reads the organization's inbox and gets its e-mails.
            db.Enqueue(new OrganizationMemberAdded(joined.Id, joined.Name, caller.Subject, now), now);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"The caller is already a member of organization {joined.Id}.",
                RegistrationReasons.AlreadyAMember, ("organization_id", joined.Id)), ct);
            return (found, joined);
        }, context.CancellationToken);
        logger.LogInformation("Invitation {InvitationId} accepted: {Subject} joined organization {OrganizationId}", invitation.Id, caller.Subject, organization.Id);
        return new V1.AcceptInvitationResponse { Invitation = ToContract(invitation, clock.GetUtcNow()), Organization = organization.ToContract() };
    }

    public override async Task<V1.ListInvitationsResponse> ListInvitations(V1.ListInvitationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var organizationId = Require.Id(request.OrganizationId, "organization_id");
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new NotFoundException("Organization", organizationId, RegistrationReasons.OrganizationNotFound);
        Access.EnsureMember(caller, organization);
        var invitations = await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.OrganizationId == organizationId)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new V1.ListInvitationsResponse
        {
            Invitations = { invitations.Select(i => ToContract(i, now)) },
            NextPageToken = Require.NextPageToken(skip, take, invitations.Count),
        };
    }

    public override async Task<V1.CancelInvitationResponse> CancelInvitation(V1.CancelInvitationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Require.Id(request.InvitationId, "invitation_id");
        var (invitation, now) = await db.RetryInTransactionAsync(async ct =>
        {
            var invitation = await db.Set<Invitation>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Invitation", id, RegistrationReasons.InvitationNotFound);
            var organization = await db.Organizations.AsNoTracking().Include(o => o.Members).SingleAsync(o => o.Id == invitation.OrganizationId, ct);
            Access.EnsureMember(caller, organization);
            var now = clock.GetUtcNow();
            invitation.Cancel(caller.Subject, now);
            await db.SaveChangesAsync(ct);
            return (invitation, now);
        }, context.CancellationToken);
        logger.LogInformation("Invitation {InvitationId} to organization {OrganizationId} cancelled by {Subject}", invitation.Id, invitation.OrganizationId, caller.Subject);
        return new V1.CancelInvitationResponse { Invitation = ToContract(invitation, now) };
    }

    static V1.Invitation ToContract(Invitation i, DateTimeOffset now) => new()
    {
        InvitationId = i.Id.ToString(),
        OrganizationId = i.OrganizationId.ToString(),
        Email = i.Email,
        CreatedAt = Timestamp.FromDateTimeOffset(i.CreatedAt),
        ExpiresAt = Timestamp.FromDateTimeOffset(i.ExpiresAt),
        AcceptedAt = i.AcceptedAt is { } accepted ? Timestamp.FromDateTimeOffset(accepted) : null,
        State = i.StateAt(now).ToContract(),
        CancelledAt = i.CancelledAt is { } cancelled ? Timestamp.FromDateTimeOffset(cancelled) : null,
    };
}

using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Registration;

/// <summary>
/// Several users per organization: a member invites a colleague, Notifications e-mails the code
/// over real SMTP, the colleague signs up with that address, accepts, and works on the same
/// organization's applications.
/// </summary>
public sealed class InvitationTests : MailedSystemTest
{
    RegistrationV1.InvitationService.InvitationServiceClient Invitations => new(Mailed.Grpc);

    [Fact]
    public async Task An_invited_colleague_signs_up_accepts_and_sees_the_organizations_applications()
    {
        var founder = await Mailed.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(founder, "Coalition Against Trafficking");
        var dialogue = await Api.CreateDialogueAsync(await Mailed.OfficerTokenAsync());
        var application = await Api.ApplyAsync(founder, organization, dialogue);
        var colleagueEmail = $"Colleague-{Guid.NewGuid():N}@example.org";

        var invited = (await Invitations.InviteMemberAsync(new RegistrationV1.InviteMemberRequest
        {
            OrganizationId = organization.OrganizationId, Email = colleagueEmail, Language = "fr",
        }, founder.Call)).Invitation;

        Assert.Equal(colleagueEmail.ToLowerInvariant(), invited.Email);
        Assert.Null(invited.AcceptedAt);
        var colleague = await Mailed.SignUpOrganizationUserAsync("fr", colleagueEmail);
        var code = await Mailed.CodeFromMailAsync(colleagueEmail, "member-invitation");
        var mail = Smtp.Received().Single(m => m.Headers[Accreditation.Notifications.Email.SmtpEmailSender.KindHeader] == "member-invitation");
        Assert.StartsWith("Invitation à rejoindre Coalition Against Trafficking", mail.Subject);
        // Before accepting, the organization is someone else's.
        var before = await Assert.ThrowsAsync<RpcException>(() => Api.GetAsync(colleague, application));
        Assert.Equal(StatusCode.PermissionDenied, before.StatusCode);

        var accepted = await Invitations.AcceptInvitationAsync(new RegistrationV1.AcceptInvitationRequest { Code = code }, colleague.Call);

        Assert.Equal(organization.OrganizationId, accepted.Organization.OrganizationId);
        Assert.NotNull(accepted.Invitation.AcceptedAt);
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, (await Api.GetAsync(colleague, application)).State);
        var listed = (await Api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest(), colleague.Call)).Applications;
        Assert.Equal([application.ApplicationId], listed.Select(a => a.ApplicationId));
        // The colleague reads the organization's inbox too (the member directory crossed the bus).
        await SystemFixture.EventuallyAsync(() => Api.NoticesAsync(colleague.Token), n => n.Count > 0, "the organization's notices for the colleague");

        var again = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, colleague.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already accepted", again.Status.Detail);
    }

    [Fact]
    public async Task A_foreign_expired_or_unknown_code_is_refused()
    {
        var member = await Mailed.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(member, "Observatory of Smuggling");
        var inviteeEmail = $"invitee-{Guid.NewGuid():N}@example.org";
        await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = inviteeEmail }, member.Call);
        var code = await Mailed.CodeFromMailAsync(inviteeEmail, "member-invitation");
        var stranger = await Mailed.SignUpOrganizationUserAsync();

        var foreign = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = "no-such-code" }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var state = SystemFixture.Bearer(await Mailed.StateTokenAsync("AUT"));
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, state).ResponseAsync)).StatusCode);
        var outsider = await Assert.ThrowsAsync<RpcException>(() => Invitations.InviteMemberAsync(
            new() { OrganizationId = organization.OrganizationId, Email = "friend@example.org" }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, outsider.StatusCode);
        var badAddress = await Assert.ThrowsAsync<RpcException>(() => Invitations.InviteMemberAsync(
            new() { OrganizationId = organization.OrganizationId, Email = "not an address" }, member.Call).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badAddress.StatusCode);
        Assert.StartsWith("email:", badAddress.Status.Detail);

        Mailed.Clock.Advance(TimeSpan.FromDays(8));
        var invitee = await Mailed.SignUpOrganizationUserAsync(email: inviteeEmail);
        var expired = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, invitee.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Contains("expired", expired.Status.Detail);
    }

    [Fact]
    public async Task Members_list_their_invitations_and_a_cancelled_one_can_no_longer_be_accepted()
    {
        var member = await Mailed.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(member, "Cancelling Coalition");
        var cancelledEmail = $"cancelled-{Guid.NewGuid():N}@example.org";
        var acceptedEmail = $"accepted-{Guid.NewGuid():N}@example.org";
        var toCancel = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = cancelledEmail }, member.Call)).Invitation;
        var cancelledCode = await Mailed.CodeFromMailAsync(cancelledEmail, "member-invitation");
        Mailed.Clock.Advance(TimeSpan.FromMinutes(1));
        var toAccept = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = acceptedEmail }, member.Call)).Invitation;
        Assert.Equal(RegistrationV1.InvitationState.Pending, toAccept.State);

        var cancelled = (await Invitations.CancelInvitationAsync(new() { InvitationId = toCancel.InvitationId }, member.Call)).Invitation;
        Assert.Equal(RegistrationV1.InvitationState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.CancelledAt);

        var invitee = await Mailed.SignUpOrganizationUserAsync(email: cancelledEmail);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = cancelledCode }, invitee.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("Cancelled", refused.Status.Detail);
        var again = await Assert.ThrowsAsync<RpcException>(() => Invitations.CancelInvitationAsync(new() { InvitationId = toCancel.InvitationId }, member.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("is Cancelled", again.Status.Detail);

        var colleague = await Mailed.SignUpOrganizationUserAsync(email: acceptedEmail);
        await Invitations.AcceptInvitationAsync(new() { Code = await Mailed.CodeFromMailAsync(acceptedEmail, "member-invitation") }, colleague.Call);
        var late = await Assert.ThrowsAsync<RpcException>(() => Invitations.CancelInvitationAsync(new() { InvitationId = toAccept.InvitationId }, colleague.Call).ResponseAsync);
        Assert.Contains("is Accepted", late.Status.Detail);

        // Any member (the colleague now too) sees the invitations, newest first, with their states.
        var listed = (await Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, colleague.Call)).Invitations;
        Assert.Equal(new[] { (acceptedEmail, RegistrationV1.InvitationState.Accepted), (cancelledEmail, RegistrationV1.InvitationState.Cancelled) },
            listed.Select(i => (i.Email, i.State)));
        Assert.All(listed, i => Assert.True(i.ExpiresAt.ToDateTimeOffset() > i.CreatedAt.ToDateTimeOffset()));

        Mailed.Clock.Advance(TimeSpan.FromDays(8));
        var expired = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = "later@example.org" }, member.Call)).Invitation;
        Mailed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(RegistrationV1.InvitationState.Expired,
            (await Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, member.Call)).Invitations.Single(i => i.InvitationId == expired.InvitationId).State);

        var stranger = await Mailed.SignUpOrganizationUserAsync();
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, stranger.Call).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.CancelInvitationAsync(new() { InvitationId = expired.InvitationId }, stranger.Call).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.CancelInvitationAsync(new() { InvitationId = Guid.NewGuid().ToString() }, member.Call).ResponseAsync)).StatusCode);
    }
}

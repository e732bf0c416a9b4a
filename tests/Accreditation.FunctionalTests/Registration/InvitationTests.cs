using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Registration;

/// <summary>
/// Several users per organization: a member invites a colleague, Notifications e-mails the code
/// over real SMTP, the colleague signs up with that address, accepts, and works on the same
/// organization's applications.
/// </summary>
public sealed class InvitationTests : IAsyncLifetime
{
    SmtpSink _smtp = null!;
    SystemFixture _system = null!;
    Clients _api = null!;

    RegistrationV1.InvitationService.InvitationServiceClient Invitations => new(_system.Grpc);

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _system = new SystemFixture(SystemFixture.MailSettings(_smtp)) { Mail = _smtp };
        await _system.InitializeAsync();
        _api = new Clients(_system);
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_invited_colleague_signs_up_accepts_and_sees_the_organizations_applications()
    {
        var founder = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(founder, "Coalition Against Trafficking");
        var dialogue = await _api.CreateDialogueAsync(await _system.OfficerTokenAsync());
        var application = await _api.ApplyAsync(founder, organization, dialogue);
        var colleagueEmail = $"Colleague-{Guid.NewGuid():N}@example.org";

        var invited = (await Invitations.InviteMemberAsync(new RegistrationV1.InviteMemberRequest
        {
            OrganizationId = organization.OrganizationId, Email = colleagueEmail, Language = "fr",
        }, founder.Call)).Invitation;

        Assert.Equal(colleagueEmail.ToLowerInvariant(), invited.Email);
        Assert.Null(invited.AcceptedAt);
        var colleague = await _system.SignUpOrganizationUserAsync("fr", colleagueEmail);
        var code = await _system.CodeFromMailAsync(colleagueEmail, "member-invitation");
        var mail = _smtp.Received().Single(m => m.Headers[Accreditation.Notifications.Email.SmtpEmailSender.KindHeader] == "member-invitation");
        Assert.StartsWith("Invitation à rejoindre Coalition Against Trafficking", mail.Subject);
        // Before accepting, the organization is someone else's.
        var before = await Assert.ThrowsAsync<RpcException>(() => _api.GetAsync(colleague, application));
        Assert.Equal(StatusCode.PermissionDenied, before.StatusCode);

        var accepted = await Invitations.AcceptInvitationAsync(new RegistrationV1.AcceptInvitationRequest { Code = code }, colleague.Call);

        Assert.Equal(organization.OrganizationId, accepted.Organization.OrganizationId);
        Assert.NotNull(accepted.Invitation.AcceptedAt);
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, (await _api.GetAsync(colleague, application)).State);
        var listed = (await _api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest(), colleague.Call)).Applications;
        Assert.Equal([application.ApplicationId], listed.Select(a => a.ApplicationId));
        // The colleague reads the organization's inbox too (the member directory crossed the bus).
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(colleague.Token), n => n.Count > 0, "the organization's notices for the colleague");

        var again = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, colleague.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already accepted", again.Status.Detail);
    }

    [Fact]
    public async Task A_foreign_expired_or_unknown_code_is_refused()
    {
        var member = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(member, "Observatory of Smuggling");
        var inviteeEmail = $"invitee-{Guid.NewGuid():N}@example.org";
        await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = inviteeEmail }, member.Call);
        var code = await _system.CodeFromMailAsync(inviteeEmail, "member-invitation");
        var stranger = await _system.SignUpOrganizationUserAsync();

        var foreign = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = "no-such-code" }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var state = SystemFixture.Bearer(await _system.StateTokenAsync("AUT"));
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, state).ResponseAsync)).StatusCode);
        var outsider = await Assert.ThrowsAsync<RpcException>(() => Invitations.InviteMemberAsync(
            new() { OrganizationId = organization.OrganizationId, Email = "friend@example.org" }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, outsider.StatusCode);
        var badAddress = await Assert.ThrowsAsync<RpcException>(() => Invitations.InviteMemberAsync(
            new() { OrganizationId = organization.OrganizationId, Email = "not an address" }, member.Call).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badAddress.StatusCode);
        Assert.StartsWith("email:", badAddress.Status.Detail);

        _system.Clock.Advance(TimeSpan.FromDays(8));
        var invitee = await _system.SignUpOrganizationUserAsync(email: inviteeEmail);
        var expired = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = code }, invitee.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Contains("expired", expired.Status.Detail);
    }

    [Fact]
    public async Task Members_list_their_invitations_and_a_cancelled_one_can_no_longer_be_accepted()
    {
        var member = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(member, "Cancelling Coalition");
        var cancelledEmail = $"cancelled-{Guid.NewGuid():N}@example.org";
        var acceptedEmail = $"accepted-{Guid.NewGuid():N}@example.org";
        var toCancel = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = cancelledEmail }, member.Call)).Invitation;
        var cancelledCode = await _system.CodeFromMailAsync(cancelledEmail, "member-invitation");
        _system.Clock.Advance(TimeSpan.FromMinutes(1));
        var toAccept = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = acceptedEmail }, member.Call)).Invitation;
        Assert.Equal(RegistrationV1.InvitationState.Pending, toAccept.State);

        var cancelled = (await Invitations.CancelInvitationAsync(new() { InvitationId = toCancel.InvitationId }, member.Call)).Invitation;
        Assert.Equal(RegistrationV1.InvitationState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.CancelledAt);

        var invitee = await _system.SignUpOrganizationUserAsync(email: cancelledEmail);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Invitations.AcceptInvitationAsync(new() { Code = cancelledCode }, invitee.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("Cancelled", refused.Status.Detail);
        var again = await Assert.ThrowsAsync<RpcException>(() => Invitations.CancelInvitationAsync(new() { InvitationId = toCancel.InvitationId }, member.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("is Cancelled", again.Status.Detail);

        var colleague = await _system.SignUpOrganizationUserAsync(email: acceptedEmail);
        await Invitations.AcceptInvitationAsync(new() { Code = await _system.CodeFromMailAsync(acceptedEmail, "member-invitation") }, colleague.Call);
        var late = await Assert.ThrowsAsync<RpcException>(() => Invitations.CancelInvitationAsync(new() { InvitationId = toAccept.InvitationId }, colleague.Call).ResponseAsync);
        Assert.Contains("is Accepted", late.Status.Detail);

        // Any member (the colleague now too) sees the invitations, newest first, with their states.
        var listed = (await Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, colleague.Call)).Invitations;
        Assert.Equal(new[] { (acceptedEmail, RegistrationV1.InvitationState.Accepted), (cancelledEmail, RegistrationV1.InvitationState.Cancelled) },
            listed.Select(i => (i.Email, i.State)));
        Assert.All(listed, i => Assert.True(i.ExpiresAt.ToDateTimeOffset() > i.CreatedAt.ToDateTimeOffset()));

        _system.Clock.Advance(TimeSpan.FromDays(8));
        var expired = (await Invitations.InviteMemberAsync(new() { OrganizationId = organization.OrganizationId, Email = "later@example.org" }, member.Call)).Invitation;
        _system.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(RegistrationV1.InvitationState.Expired,
            (await Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, member.Call)).Invitations.Single(i => i.InvitationId == expired.InvitationId).State);

        var stranger = await _system.SignUpOrganizationUserAsync();
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.ListInvitationsAsync(new() { OrganizationId = organization.OrganizationId }, stranger.Call).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.CancelInvitationAsync(new() { InvitationId = expired.InvitationId }, stranger.Call).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            Invitations.CancelInvitationAsync(new() { InvitationId = Guid.NewGuid().ToString() }, member.Call).ResponseAsync)).StatusCode);
    }
}

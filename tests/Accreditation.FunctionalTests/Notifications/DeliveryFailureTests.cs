using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using InboxV1 = Accreditation.Notifications.V1;

namespace Accreditation.FunctionalTests.Notifications;

/// <summary>An SMTP server that is not there: retries, then failed deliveries the secretariat sees and can send again.</summary>
public sealed class DeliveryFailureTests : IAsyncLifetime
{
    const string Secretariat = "accreditation@un.example";
    readonly ReservedPort _smtpPort = new(); // nothing listens there, yet
    SystemFixture _system = null!;
    Clients _api = null!;

    public async Task InitializeAsync()
    {
        _system = new SystemFixture(SystemFixture.MailServerDownSettings(_smtpPort.Port, Secretariat, attempts: 3));
        await _system.InitializeAsync();
        _api = new Clients(_system);
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        _smtpPort.Dispose();
    }

    InboxV1.DeliveryService.DeliveryServiceClient Deliveries => new(_system.Grpc);

    [Fact]
    public async Task Deliveries_the_smtp_server_never_accepts_are_retried_then_failed_and_listed_for_the_secretariat()
    {
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await _system.SignUpOrganizationUserAsync("es");
        var organization = await _api.CreateOrganizationAsync(user, "Unreachable Mail Society");
        await _api.ApplyAsync(user, organization, dialogue);

        var failed = await SystemFixture.EventuallyAsync(
            async () => (await Deliveries.ListDeliveriesAsync(new InboxV1.ListDeliveriesRequest { State = InboxV1.DeliveryState.Failed }, SystemFixture.Bearer(officer))).Deliveries,
            d => d.Count == 3, "every delivery to fail", seconds: 60);
        Assert.Equal(
            [(Secretariat, "application-awaiting-screening", "en"), (user.Email, "application-received", "es"), (user.Email, "email-confirmation", "es")],
            failed.Select(d => (d.Address, d.Kind, d.Language)).OrderBy(d => d.Item2, StringComparer.Ordinal));
        Assert.All(failed, d =>
        {
            Assert.Equal(3, d.Attempts);
            Assert.False(string.IsNullOrEmpty(d.LastError));
            Assert.Null(d.SentAt);
        });
        // Auditors read it too; an organization user may not.
        var auditor = await _system.AuditorTokenAsync();
        Assert.Equal(3, (await Deliveries.ListDeliveriesAsync(new InboxV1.ListDeliveriesRequest(), SystemFixture.Bearer(auditor))).Deliveries.Count);
        var denied = await Assert.ThrowsAsync<RpcException>(() => Deliveries.ListDeliveriesAsync(new InboxV1.ListDeliveriesRequest(), user.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var auditorRetry = await Assert.ThrowsAsync<RpcException>(() => Deliveries.RetryDeliveryAsync(
            new InboxV1.RetryDeliveryRequest { DeliveryId = failed[0].DeliveryId }, SystemFixture.Bearer(auditor)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, auditorRetry.StatusCode);

        // The server comes back; an officer sends one failed delivery again: it arrives, once.
        _smtpPort.Release();
        await using var smtp = await SmtpSink.StartAsync(_smtpPort.Port);
        var retried = failed.Single(d => d.Address == Secretariat);
        await Deliveries.RetryDeliveryAsync(new InboxV1.RetryDeliveryRequest { DeliveryId = retried.DeliveryId }, SystemFixture.Bearer(officer));
        var sent = await SystemFixture.EventuallyAsync(
            async () => (await Deliveries.ListDeliveriesAsync(new InboxV1.ListDeliveriesRequest { State = InboxV1.DeliveryState.Sent }, SystemFixture.Bearer(officer))).Deliveries,
            d => d.Count == 1, "the retried delivery to be sent");
        Assert.Equal(retried.DeliveryId, sent[0].DeliveryId);
        var mail = Assert.Single(smtp.Received());
        Assert.Equal(retried.MessageId, mail.MessageId);
        var again = await Assert.ThrowsAsync<RpcException>(() => Deliveries.RetryDeliveryAsync(
            new InboxV1.RetryDeliveryRequest { DeliveryId = retried.DeliveryId }, SystemFixture.Bearer(officer)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }
}

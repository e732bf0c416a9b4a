using System.Collections.Concurrent;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.UnitTests.Dapr;
using Dapr.Client;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Accreditation.UnitTests.Notifications;

/// <summary>
/// The Dapr e-mail path against the sidecar's contract: an in-process stand-in for the sidecar's
/// gRPC API (dapr.proto.runtime.v1.Dapr/InvokeBinding), since daprd itself is not installable here.
/// </summary>
public sealed class DaprBindingEmailSenderTests : IAsyncLifetime
{
    readonly ConcurrentQueue<InvokeBindingRequest> _received = new();
    SidecarStandIn _sidecar = null!;
    string _status = "0";

    public async Task InitializeAsync() =>
        _sidecar = await SidecarStandIn.StartAsync(app => app.MapPost("/dapr.proto.runtime.v1.Dapr/InvokeBinding", HandleAsync));

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task An_e_mail_goes_to_the_smtp_output_binding_with_sender_recipient_and_subject()
    {
        await Sender().SendAsync(new OutgoingEmail("<d1@accreditation>", "ngo@example.org", "fr", "application-admitted", "Demande admise", "Corps du message"), CancellationToken.None);

        var call = Assert.Single(_received);
        Assert.Equal(("smtp", "create", "Corps du message"), (call.Name, call.Operation, call.Data.ToStringUtf8()));
        Assert.Equal("ngo@example.org", call.Metadata["emailTo"]);
        Assert.Equal("Demande admise", call.Metadata["subject"]);
        Assert.Equal("Accreditation <no-reply@accreditation.invalid>", call.Metadata["emailFrom"]);
    }

    [Fact]
    public async Task A_binding_the_sidecar_refuses_fails_the_attempt_so_the_delivery_is_retried()
    {
        _status = "14"; // UNAVAILABLE: the SMTP server behind the binding is down
        await Assert.ThrowsAnyAsync<Exception>(() => Sender().SendAsync(
            new OutgoingEmail("<d2@accreditation>", "ngo@example.org", "en", "application-admitted", "Subject", "Body"), CancellationToken.None));
    }

    DaprBindingEmailSender Sender() => new(
        new DaprClientBuilder().UseGrpcEndpoint(_sidecar.Endpoint).Build(),
        EmailSettings.Disabled with { Enabled = true, DaprBinding = "smtp" });

    /// <summary>Reads one length-prefixed gRPC message and answers with an empty response or the chosen status.</summary>
    async Task HandleAsync(HttpContext context)
    {
        _received.Enqueue(await SidecarStandIn.ReadAsync(context, InvokeBindingRequest.Parser));
        await SidecarStandIn.ReplyAsync(context, _status == "0" ? new Google.Protobuf.WellKnownTypes.Empty() : null, _status);
    }
}

using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Accounts = Accreditation.Identity.V1;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>The secretariat manages the States parties' API clients, through the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class StateClientTests(SystemFixture system)
{
    Accounts.StateClientService.StateClientServiceClient StateClients => new(system.Grpc);

    [Fact]
    public async Task An_officer_creates_a_state_client_whose_secret_is_shown_once_and_whose_token_names_the_state()
    {
        var officer = await system.OfficerTokenAsync();
        var created = await StateClients.CreateStateClientAsync(new() { StateCode = "FRA" }, SystemFixture.Bearer(officer));

        Assert.StartsWith("state-fra-", created.Client.ClientId);
        Assert.Equal("FRA", created.Client.StateCode);
        Assert.Null(created.Client.RevokedAt);
        Assert.True(created.ClientSecret.Length >= 40);
        var (ok, body) = await system.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret);
        Assert.True(ok, body.ToString());
        var claims = TokenTests.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal("FRA", claims.GetProperty("state").GetString());
        Assert.Equal("state", claims.GetProperty("role").GetString());
        // The State acts as itself at once.
        await new ObjectionsV1.ObjectionService.ObjectionServiceClient(system.Grpc)
            .ListObjectionsAsync(new ObjectionsV1.ListObjectionsRequest(), SystemFixture.Bearer(body.GetProperty("access_token").GetString()!));

        var auditor = await system.AuditorTokenAsync();
        var listed = (await StateClients.ListStateClientsAsync(new(), SystemFixture.Bearer(auditor))).Clients;
        Assert.Contains(listed, c => c.ClientId == created.Client.ClientId && c.Managed);
        Assert.Contains(listed, c => c.ClientId == "state-aut" && !c.Managed);
    }

    [Fact]
    public async Task A_state_has_one_active_client_and_a_code_must_be_an_assigned_iso_alpha_3_code()
    {
        var officer = SystemFixture.Bearer(await system.OfficerTokenAsync());
        await StateClients.CreateStateClientAsync(new() { StateCode = "ITA" }, officer);

        var again = await Assert.ThrowsAsync<RpcException>(() => StateClients.CreateStateClientAsync(new() { StateCode = "ITA" }, officer).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        // A configured client counts too.
        var configured = await Assert.ThrowsAsync<RpcException>(() => StateClients.CreateStateClientAsync(new() { StateCode = "AUT" }, officer).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, configured.StatusCode);
        foreach (var code in new[] { "", "ita", "XYZ", "ITAL" })
        {
            var invalid = await Assert.ThrowsAsync<RpcException>(() => StateClients.CreateStateClientAsync(new() { StateCode = code }, officer).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
            Assert.StartsWith("state_code:", invalid.Status.Detail);
        }
    }

    [Fact]
    public async Task Rotating_a_secret_stops_the_old_one_at_once()
    {
        var officer = SystemFixture.Bearer(await system.OfficerTokenAsync());
        var created = await StateClients.CreateStateClientAsync(new() { StateCode = "ESP" }, officer);

        var rotated = await StateClients.RotateStateClientSecretAsync(new() { ClientId = created.Client.ClientId }, officer);

        Assert.NotEqual(created.ClientSecret, rotated.ClientSecret);
        var (oldWorks, error) = await system.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret);
        Assert.False(oldWorks);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.True((await system.ClientCredentialsAsync(created.Client.ClientId, rotated.ClientSecret)).Ok);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_and_its_earlier_token_is_refused_by_every_service()
    {
        var officer = SystemFixture.Bearer(await system.OfficerTokenAsync());
        var created = await StateClients.CreateStateClientAsync(new() { StateCode = "DEU" }, officer);
        var earlier = (await system.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret)).Body.GetProperty("access_token").GetString()!;
        await ListObjectionsAsync(system.Grpc, earlier);

        var revoked = await StateClients.RevokeStateClientAsync(new() { ClientId = created.Client.ClientId }, officer);

        Assert.NotNull(revoked.Client.RevokedAt);
        var (ok, error) = await system.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret);
        Assert.False(ok);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        // Called directly inside the network as well as through the gateway.
        var ports = system.System.Options.Ports;
        await RefusedEventuallyAsync(() => ListObjectionsAsync(system.Grpc, earlier), "Objections through the gateway");
        await RefusedEventuallyAsync(() => ListObjectionsAsync(Direct(ports.Objections), earlier), "Objections");
        await RefusedEventuallyAsync(() => ListDialoguesAsync(Direct(ports.Registration), earlier), "Registration");
        await RefusedEventuallyAsync(() => new InboxV1.InboxService.InboxServiceClient(Direct(ports.Notifications))
            .ListNoticesAsync(new(), SystemFixture.Bearer(earlier)).ResponseAsync, "Notifications");
        await RefusedEventuallyAsync(() => StateClients.ListStateClientsAsync(new(), SystemFixture.Bearer(earlier)).ResponseAsync, "Identity");

        var twice = await Assert.ThrowsAsync<RpcException>(() => StateClients.RevokeStateClientAsync(new() { ClientId = created.Client.ClientId }, officer).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("revoked", twice.Status.Detail);
        // The State gets a new client, under a new id.
        var replacement = await StateClients.CreateStateClientAsync(new() { StateCode = "DEU" }, officer);
        Assert.NotEqual(created.Client.ClientId, replacement.Client.ClientId);
        Assert.True((await system.ClientCredentialsAsync(replacement.Client.ClientId, replacement.ClientSecret)).Ok);
    }

    [Fact]
    public async Task Only_officers_change_state_clients_and_configured_ones_are_left_to_configuration()
    {
        var auditor = SystemFixture.Bearer(await system.AuditorTokenAsync());
        var denied = await Assert.ThrowsAsync<RpcException>(() => StateClients.CreateStateClientAsync(new() { StateCode = "PRT" }, auditor).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var state = SystemFixture.Bearer(await system.StateTokenAsync("AUT"));
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => StateClients.ListStateClientsAsync(new(), state).ResponseAsync)).StatusCode);

        var officer = SystemFixture.Bearer(await system.OfficerTokenAsync());
        var configured = await Assert.ThrowsAsync<RpcException>(() => StateClients.RevokeStateClientAsync(new() { ClientId = "state-aut" }, officer).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, configured.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => StateClients.RotateStateClientSecretAsync(new() { ClientId = "state-nowhere" }, officer).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    internal static GrpcChannel Direct(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

    static async Task ListObjectionsAsync(GrpcChannel channel, string token) =>
        await new ObjectionsV1.ObjectionService.ObjectionServiceClient(channel).ListObjectionsAsync(new(), SystemFixture.Bearer(token));

    static async Task ListDialoguesAsync(GrpcChannel channel, string token) =>
        await new RegistrationV1.DialogueService.DialogueServiceClient(channel).ListDialoguesAsync(new(), SystemFixture.Bearer(token));

    /// <summary>The revocation crosses the bus: each service refuses within seconds.</summary>
    internal static async Task RefusedEventuallyAsync(Func<Task> call, string where)
    {
        var status = await SystemFixture.EventuallyAsync(async () =>
        {
            try
            {
                await call();
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }, s => s != StatusCode.OK, $"{where} to refuse the revoked client's token", seconds: 15);
        Assert.Equal(StatusCode.Unauthenticated, status);
    }
}

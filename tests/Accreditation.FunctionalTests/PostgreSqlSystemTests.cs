using Accreditation.FunctionalTests.Infrastructure;
using Xunit.Abstractions;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

/// <summary>
/// The standalone system with every service on PostgreSQL (Database:Provider, one database per
/// service on the tests' private server): migrations at start, Identity's accounts and OpenIddict
/// tokens, the path from application to decision across the outboxes, and a ledger that verifies.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlSystemTests(ITestOutputHelper output) : IAsyncLifetime
{
    SystemFixture _system = null!;
    Clients _api = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgreSqlServer.GetAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" };
        foreach (var service in new[] { "identity", "registration", "objections", "notifications" })
            settings[$"ConnectionStrings:{service}"] = await server.CreateDatabaseAsync(service);
        _system = new SystemFixture(settings);
        await _system.InitializeAsync();
        _api = new Clients(_system);
    }

    public async Task DisposeAsync()
    {
        // What went wrong inside the services, for a failure's report.
        foreach (var (category, level, message) in _system.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error))
            output.WriteLine($"{level} {category}: {message}");
        await _system.DisposeAsync();
    }

    [Fact]
    public async Task On_postgresql_an_application_is_submitted_read_objected_to_decided_and_recorded_in_a_ledger_that_verifies()
    {
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, RegistrationV1.ObjectionEffect.Exclude);
        var user = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Migrant Rights Network on PostgreSQL");
        var application = await _api.ApplyAsync(user, organization, dialogue);
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, (await _api.GetAsync(user, application)).State);
        // A second application of the same organization to the same dialogue meets the unique index.
        var duplicate = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => _api.ApplyAsync(user, organization, dialogue));
        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, duplicate.StatusCode);

        await _api.ScreenEligibleAsync(officer, application);
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var austria = await _system.StateTokenAsync("AUT");
        await _api.CirculatedAsync(austria, dialogue, expected: 1);
        await _api.ObjectAsync(austria, application, "Activities outside the scope of the Protocol");

        _system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await SystemFixture.EventuallyAsync(() => _api.GetAsync(user, application),
            a => a.State == RegistrationV1.ApplicationState.NotAdmitted, "the objected application to be decided");
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            n => n.Any(x => x.Kind == "application-not-admitted"), "the not-admitted notice");
        var verified = await new RegistrationV1.LedgerService.LedgerServiceClient(_system.Grpc)
            .VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), SystemFixture.Bearer(await _system.AuditorTokenAsync()));
        Assert.True(verified.Ok, verified.Message);
        Assert.True(verified.Count >= 5, $"{verified.Count} entries");
    }
}

using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Standalone;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>A standalone installation's first run makes an officer and an auditor, whose passwords are in credentials.json only.</summary>
public sealed class StandaloneStaffTests
{
    [Fact]
    public async Task The_first_run_seeds_an_officer_and_an_auditor_once_and_the_welcome_names_them_without_passwords()
    {
        await using var system = new SystemFixtureScope();
        await system.Fixture.InitializeAsync();
        var credentials = system.Fixture.System.Credentials;
        var accounts = new Accounts.AccountService.AccountServiceClient(system.Fixture.Grpc);

        var officer = (await accounts.GetMyAccountAsync(new(), SystemFixture.Bearer(await system.Fixture.StaffPersonTokenAsync(credentials.Officer)))).Account;
        var auditor = (await accounts.GetMyAccountAsync(new(), SystemFixture.Bearer(await system.Fixture.StaffPersonTokenAsync(credentials.Auditor)))).Account;
        Assert.Equal(("officer", credentials.Officer.Email), (officer.Role, officer.Email));
        Assert.Equal(("auditor", credentials.Auditor.Email), (auditor.Role, auditor.Email));
        await new Clients(system.Fixture).CreateDialogueAsync(await system.Fixture.StaffPersonTokenAsync(credentials.Officer));

        var welcome = new StringWriter();
        system.Fixture.System.PrintWelcome(welcome);
        Assert.Contains(credentials.Officer.Email, welcome.ToString());
        Assert.Contains(credentials.Auditor.Email, welcome.ToString());
        Assert.Contains(Path.Combine(system.Fixture.DataDirectory, StandaloneCredentials.FileName), welcome.ToString());
        Assert.Contains(system.Fixture.System.GatewayHttp.ToString(), welcome.ToString());
        foreach (var secret in credentials.Staff!.Select(s => s.Password).Concat(credentials.Clients.Select(c => c.ClientSecret)))
        {
            Assert.DoesNotContain(secret, welcome.ToString());
            Assert.DoesNotContain(system.Fixture.Logs.Lines, l => l.Message.Contains(secret));
        }

        // A later run keeps the file, the accounts and their passwords.
        await system.Fixture.StopAsync();
        await system.Fixture.StartAsync();
        Assert.Equal(credentials.Officer, system.Fixture.System.Credentials.Officer);
        accounts = new Accounts.AccountService.AccountServiceClient(system.Fixture.Grpc);
        var again = (await accounts.GetMyAccountAsync(new(), SystemFixture.Bearer(await system.Fixture.StaffPersonTokenAsync(credentials.Officer)))).Account;
        Assert.Equal(officer.Subject, again.Subject);
    }

    [Fact]
    public void A_data_folder_from_before_staff_accounts_keeps_its_clients_and_gets_an_officer_and_an_auditor()
    {
        var folder = Path.Combine(Path.GetTempPath(), "accreditation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, StandaloneCredentials.FileName);
            File.WriteAllText(path, """{"Clients":[{"ClientId":"state-aut","ClientSecret":"old-secret-123","Role":"state","State":"AUT"}]}""");

            var (credentials, created) = StandaloneCredentials.LoadOrCreate(folder);

            Assert.True(created);
            Assert.Equal("old-secret-123", Assert.Single(credentials.Clients).ClientSecret);
            Assert.Equal(["officer", "auditor"], credentials.Staff!.Select(s => s.Role));
            Assert.Equal(credentials.Officer.Password, JsonSerializer.Deserialize<StandaloneCredentials>(File.ReadAllText(path))!.Officer.Password);
            Assert.False(StandaloneCredentials.LoadOrCreate(folder).Created);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A system of its own, torn down with its data folder.</summary>
    sealed class SystemFixtureScope : IAsyncDisposable
    {
        public SystemFixture Fixture { get; } = new();

        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }
}

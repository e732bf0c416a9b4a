using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;
using Accreditation.Identity.Commands;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>Secretariat staff accounts come from the administrator's command, never from sign-up or configuration.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffAccountTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task An_officer_created_by_the_staff_command_signs_in_and_acts_as_officer()
    {
        var (email, password) = await AddStaffAsync("officer");

        var token = await system.PasswordTokenAsync(email, password);

        var dialogue = await _api.CreateDialogueAsync(token);
        Assert.False(string.IsNullOrEmpty(dialogue.DialogueId));
    }

    [Fact]
    public async Task An_auditor_reads_everything_and_changes_nothing()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var application = await _api.ApplyAsync(user, await _api.CreateOrganizationAsync(user, "Audited Alliance"), dialogue);
        var (email, password) = await AddStaffAsync("auditor");
        var auditor = await system.PasswordTokenAsync(email, password);

        var read = await _api.Applications.GetApplicationAsync(new RegistrationV1.GetApplicationRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(auditor));
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, read.Application.State);
        var screen = await Assert.ThrowsAsync<RpcException>(() => _api.ScreenEligibleAsync(auditor, application));
        Assert.Equal(StatusCode.PermissionDenied, screen.StatusCode);
    }

    [Fact]
    public async Task The_staff_command_refuses_any_other_role_and_creates_nothing()
    {
        var output = new StringWriter();
        var email = $"state-{Guid.NewGuid():N}@example.org";

        var exit = await StaffCommand.RunAsync(["add", "--email", email, "--role", "state", "--Data:Directory", system.DataDirectory], output);

        Assert.Equal(2, exit);
        var list = new StringWriter();
        await StaffCommand.RunAsync(["list", "--Data:Directory", system.DataDirectory], list);
        Assert.DoesNotContain(email, list.ToString());
    }

    async Task<(string Email, string Password)> AddStaffAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@un.example.org";
        var output = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(["add", "--email", email, "--role", role, "--Data:Directory", system.DataDirectory], output));
        var password = output.ToString().Trim().Split(' ')[^1];
        var list = new StringWriter();
        await StaffCommand.RunAsync(["list", "--Data:Directory", system.DataDirectory], list);
        Assert.Contains(email, list.ToString());
        return (email, password);
    }
}

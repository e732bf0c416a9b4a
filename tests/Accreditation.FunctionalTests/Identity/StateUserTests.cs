using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>An officer creates a State party's user, who sets its password from the welcome e-mail and acts as its State.</summary>
public sealed class StateUserTests : MailedSystemTest
{
    const string Password = "Nairobi-Delegate-42";

    [Fact]
    public async Task A_state_user_set_up_by_an_officer_files_an_objection_for_its_state()
    {
        var officer = await Mailed.StaffPersonTokenAsync(Mailed.System.Credentials.Officer);
        var stateUsers = new Accounts.StateUserService.StateUserServiceClient(Mailed.Grpc);
        var accounts = new Accounts.AccountService.AccountServiceClient(Mailed.Grpc);
        var email = $"delegate-{Guid.NewGuid():N}@example.gov";

        var created = (await stateUsers.CreateStateUserAsync(new() { Email = email, DisplayName = "Kenyan delegate", StateCode = "KEN", Language = "es" },
            SystemFixture.Bearer(officer))).User;
        Assert.Equal(("KEN", false), (created.StateCode, created.PasswordSet));
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => stateUsers.CreateStateUserAsync(
            new() { Email = email, StateCode = "KEN" }, SystemFixture.Bearer(officer)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        // No password until the user has read the welcome e-mail.
        Assert.False((await Mailed.SignInForRefreshAsync(email, Password)).Ok);

        var code = await Mailed.CodeFromMailAsync(email, "state-user-invited");
        await accounts.ResetPasswordAsync(new() { Email = email, Code = code, NewPassword = Password }, SystemFixture.Anonymous);
        var token = await Mailed.PasswordTokenAsync(email, Password);
        var claims = TokenTests.Payload(token);
        Assert.Equal(("state", "KEN", created.Subject), (claims.GetProperty("role").GetString(), claims.GetProperty("state").GetString(), claims.GetProperty("sub").GetString()));
        var me = (await accounts.GetMyAccountAsync(new(), SystemFixture.Bearer(token))).Account;
        Assert.Equal(("state", "KEN", "es", "Kenyan delegate"), (me.Role, me.StateCode, me.Language, me.DisplayName));

        var api = new Clients(Mailed);
        var dialogue = await api.CreateDialogueAsync(officer);
        var applicant = await Mailed.SignUpOrganizationUserAsync();
        var application = await api.ApplyAsync(applicant, await api.CreateOrganizationAsync(applicant, "Delegates Watch"), dialogue);
        await api.ScreenEligibleAsync(officer, application);
        await api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(14));
        await api.CirculatedAsync(token, dialogue, 1);
        var objection = await api.ObjectAsync(token, application, "Grounds of a State user");
        Assert.Equal("KEN", objection.StateCode);

        var auditor = await Mailed.StaffPersonTokenAsync(Mailed.System.Credentials.Auditor);
        var listed = (await stateUsers.ListStateUsersAsync(new(), SystemFixture.Bearer(auditor))).Users.Single(u => u.Email == email);
        Assert.True(listed.PasswordSet);
        var denied = await Assert.ThrowsAsync<RpcException>(() => stateUsers.CreateStateUserAsync(
            new() { Email = $"other-{Guid.NewGuid():N}@example.gov", StateCode = "KEN" }, SystemFixture.Bearer(auditor)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}

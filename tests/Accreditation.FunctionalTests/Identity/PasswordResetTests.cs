using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Notifications.Email;
using Grpc.Core;
using MimeKit;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>
/// A forgotten password is replaced with the code Notifications e-mails over real SMTP; the new
/// password ends every existing sign-in. A person's notice language is its own to change.
/// </summary>
public sealed class PasswordResetTests : MailedSystemTest
{
    const string OldPassword = "Correct-Horse-42";
    const string NewPassword = "Battery-Staple-77";
    Accounts.AccountService.AccountServiceClient AccountsApi => new(Mailed.Grpc);


    [Fact]
    public async Task The_e_mailed_code_sets_a_new_password_once_and_ends_the_old_sign_ins()
    {
        var user = await Mailed.SignUpOrganizationUserAsync(language: "fr");
        var (_, signedIn) = await Mailed.SignInForRefreshAsync(user.Email, OldPassword);
        var oldRefresh = signedIn.GetProperty("refresh_token").GetString()!;

        await AccountsApi.RequestPasswordResetAsync(new() { Email = user.Email }, SystemFixture.Anonymous);
        // An address without an account gets the very same (empty) answer, and no e-mail.
        await AccountsApi.RequestPasswordResetAsync(new() { Email = $"nobody-{Guid.NewGuid():N}@example.org" }, SystemFixture.Anonymous);
        var link = await Mailed.LinkFromMailAsync(user.Email, "password-reset");
        Assert.StartsWith(new Uri(Mailed.System.GatewayHttp, "en/reset-password?email=").ToString(), link);
        var code = await Mailed.CodeFromMailAsync(user.Email, "password-reset");
        var mail = Smtp.Received().Last(m => m.Headers[SmtpEmailSender.KindHeader] == "password-reset");
        Assert.StartsWith("Choisissez un nouveau mot de passe", mail.Subject);
        Assert.Equal("fr", mail.Body?.Headers[HeaderId.ContentLanguage]);

        var wrong = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ResetPasswordAsync(
            new() { Email = user.Email, Code = code + "x", NewPassword = NewPassword }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.StartsWith("code:", wrong.Status.Detail);
        var weak = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ResetPasswordAsync(
            new() { Email = user.Email, Code = code, NewPassword = "short" }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, weak.StatusCode);
        Assert.StartsWith("new_password:", weak.Status.Detail);

        // A weak password left the code usable; now it is spent.
        await AccountsApi.ResetPasswordAsync(new() { Email = user.Email, Code = code, NewPassword = NewPassword }, SystemFixture.Anonymous);
        var reused = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ResetPasswordAsync(
            new() { Email = user.Email, Code = code, NewPassword = "Another-Password-9" }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(wrong.Status.Detail, reused.Status.Detail);

        var (refreshed, refusal) = await Mailed.RefreshAsync(oldRefresh);
        Assert.False(refreshed);
        Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
        Assert.False((await Mailed.SignInForRefreshAsync(user.Email, OldPassword)).Ok);
        var token = await Mailed.PasswordTokenAsync(user.Email, NewPassword);
        Assert.Equal(user.Subject, (await AccountsApi.GetMyAccountAsync(new(), SystemFixture.Bearer(token))).Account.Subject);
        // The code went out by e-mail only: no notice holds it.
        Assert.Equal(0, Databases.Scalar(Mailed, "notifications", $"SELECT COUNT(*) FROM Notices WHERE Body LIKE '%{code}%' OR \"Values\" LIKE '%{code}%'"));
    }

    [Fact]
    public async Task A_person_changes_its_notice_language_and_later_e_mails_use_it()
    {
        var user = await Mailed.SignUpOrganizationUserAsync(language: "en");

        var account = (await AccountsApi.UpdateMyAccountAsync(new() { Language = "es" }, user.Call)).Account;
        Assert.Equal(("es", "organization", ""), (account.Language, account.Role, account.StateCode));
        var bad = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.UpdateMyAccountAsync(new() { Language = "de" }, user.Call).ResponseAsync);
        Assert.StartsWith("language:", bad.Status.Detail);
        await Mailed.OutboxDrainedAsync("identity");

        var api = new Clients(Mailed);
        var dialogue = await api.CreateDialogueAsync(await Mailed.OfficerTokenAsync());
        await api.ApplyAsync(user, await api.CreateOrganizationAsync(user, "Language Choice Forum"), dialogue);
        var received = await SystemFixture.EventuallyAsync(() => Task.FromResult(Smtp.Received().FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => a.Address == user.Email) && m.Headers[SmtpEmailSender.KindHeader] == "application-received")),
            m => m is not null, "the application-received e-mail");
        Assert.Equal("es", received!.Body?.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("es", (await new Accounts.AccountService.AccountServiceClient(Mailed.Grpc).GetMyAccountAsync(new(), user.Call)).Account.Language);
    }
}

using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>
/// Sign-up is confirmed through the e-mail Notifications sends over real SMTP: until then the
/// organization user cannot sign in.
/// </summary>
public sealed class EmailConfirmationTests : MailedSystemTest
{
    const string Password = "Correct-Horse-42";
    Accounts.AccountService.AccountServiceClient AccountsApi => new(Mailed.Grpc);


    [Fact]
    public async Task A_new_user_signs_in_only_after_confirming_the_address_with_the_code_from_the_e_mail()
    {
        var email = $"nouvelle-{Guid.NewGuid():N}@example.org";
        var signedUp = (await AccountsApi.SignUpAsync(new Accounts.SignUpRequest { Email = email, Password = Password, Language = "fr" }, SystemFixture.Anonymous)).Account;
        Assert.False(signedUp.EmailConfirmed);

        var (ok, refusal) = await PasswordAsync(email);
        Assert.False(ok);
        Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
        Assert.Contains("not confirmed", refusal.GetProperty("error_description").GetString());

        var code = await Mailed.ConfirmationCodeAsync(email);
        var mail = Smtp.Received().Single(m => m.To.Mailboxes.Single().Address == email);
        Assert.StartsWith("Confirmez votre adresse", mail.Subject);
        Assert.Contains(code, mail.TextBody);
        // The code went out by e-mail only: once sent, nothing in Notifications' file holds it.
        await SystemFixture.EventuallyAsync(() => Task.FromResult(Databases.Scalar(Mailed, "notifications",
                $"SELECT COUNT(*) FROM Deliveries WHERE Body LIKE '%{code}%'")), count => count == 0, "the sent delivery to drop its text");
        Assert.Equal(1, Databases.Scalar(Mailed, "notifications", "SELECT COUNT(*) FROM Notices WHERE Kind = 'email-confirmation'"));
        Assert.Equal(0, Databases.Scalar(Mailed, "notifications", $"SELECT COUNT(*) FROM Notices WHERE Body LIKE '%{code}%' OR \"Values\" LIKE '%{code}%'"));

        var wrong = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = code + "x" }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.StartsWith("code:", wrong.Status.Detail);
        // An unknown address gets the very same answer: the call tells nobody who has an account.
        var unknown = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ConfirmEmailAsync(new() { Email = "nobody@example.org", Code = code }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(wrong.Status.Detail, unknown.Status.Detail);

        var confirmed = (await AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = code }, SystemFixture.Anonymous)).Account;
        Assert.True(confirmed.EmailConfirmed);
        var (signedIn, token) = await PasswordAsync(email);
        Assert.True(signedIn, token.ToString());
        // The link is followed twice: still confirmed, no error.
        Assert.True((await AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = code }, SystemFixture.Anonymous)).Account.EmailConfirmed);
    }

    [Fact]
    public async Task An_expired_confirmation_code_is_refused_and_a_new_one_is_sent_on_request()
    {
        var email = $"late-{Guid.NewGuid():N}@example.org";
        await AccountsApi.SignUpAsync(new Accounts.SignUpRequest { Email = email, Password = Password, Language = "es" }, SystemFixture.Anonymous);
        var code = await Mailed.ConfirmationCodeAsync(email);
        Assert.StartsWith("Confirme su dirección", Smtp.Received().Single(m => m.To.Mailboxes.Single().Address == email).Subject);

        Mailed.Clock.Advance(TimeSpan.FromDays(3));

        var expired = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = code }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Contains("expired", expired.Status.Detail);
        Assert.False((await PasswordAsync(email)).Ok);

        await AccountsApi.ResendEmailConfirmationAsync(new() { Email = email }, SystemFixture.Anonymous);
        // An unknown address gets the same empty answer, and no e-mail.
        await AccountsApi.ResendEmailConfirmationAsync(new() { Email = "nobody@example.org" }, SystemFixture.Anonymous);
        await SystemFixture.EventuallyAsync(() => Task.FromResult(Smtp.Received().Count(m => m.To.Mailboxes.Single().Address == email)),
            count => count == 2, "the second confirmation e-mail");
        var fresh = await Mailed.ConfirmationCodeAsync(email);
        Assert.NotEqual(code, fresh);
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(
            () => AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = code }, SystemFixture.Anonymous).ResponseAsync)).StatusCode);
        await AccountsApi.ConfirmEmailAsync(new() { Email = email, Code = fresh }, SystemFixture.Anonymous);
        Assert.True((await PasswordAsync(email)).Ok);
        Assert.DoesNotContain(Smtp.Received(), m => m.To.Mailboxes.Single().Address == "nobody@example.org");
    }

    [Fact]
    public async Task Signing_up_again_with_a_taken_address_e_mails_its_owner_instead_of_making_an_account()
    {
        var owner = await Mailed.SignUpOrganizationUserAsync("fr");

        await AccountsApi.SignUpAsync(new Accounts.SignUpRequest { Email = owner.Email, Password = "Stranger-Horse-42", Language = "en" }, SystemFixture.Anonymous);

        var mail = await SystemFixture.EventuallyAsync(() => Task.FromResult(Smtp.Received().Where(m => m.To.Mailboxes.Single().Address == owner.Email
                && m.Headers[Accreditation.Notifications.Email.SmtpEmailSender.KindHeader] == "account-exists").ToList()),
            mails => mails.Count == 1, "the owner's e-mail");
        // In the owner's language, not the stranger's; no confirmation code for anyone.
        Assert.StartsWith("Vous avez déjà un compte", mail.Single().Subject);
        Assert.Equal(1, Smtp.Received().Count(m => m.To.Mailboxes.Single().Address == owner.Email
            && m.Headers[Accreditation.Notifications.Email.SmtpEmailSender.KindHeader] == "email-confirmation"));
        Assert.False((await Mailed.TokenRequestAsync(new() { ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = owner.Email, ["password"] = "Stranger-Horse-42" })).Ok);
    }

    Task<(bool Ok, System.Text.Json.JsonElement Body)> PasswordAsync(string email) => Mailed.TokenRequestAsync(new()
    {
        ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = Password,
    });
}

using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The password e-mails carry their one-time code to the mailbox only; a language change reaches later notices.</summary>
public sealed class AccountEmailHandlerTests
{
    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    const string Code = "one-time-code-123";

    static DirectEmail Email(Accreditation.Notifications.Data.NotificationsDb db) => new(db, NoticeTemplates.Embedded, NotificationsParts.EmailOn,
        Options.Create(new NotificationLinksOptions { ResetPassword = "https://portal.example/en/reset-password" }),
        Clock, new WallClock(), NullLogger<DirectEmail>.Instance);

    [Theory]
    [InlineData("password-reset", "es", "Elija una nueva contraseña")]
    [InlineData("state-user-invited", "fr", "Bienvenue sur la plateforme d’accréditation")]
    public async Task The_code_and_its_link_are_e_mailed_in_the_persons_language_and_never_kept_in_the_notice(string kind, string language, string subject)
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await using var db = database.Open();
        var context = new EventContext(Guid.NewGuid(), null);
        var expires = Clock.GetUtcNow().AddMinutes(30);
        if (kind == NoticeKinds.PasswordReset)
            await new PasswordResetRequestedHandler(Email(db)).HandleAsync(new PasswordResetRequested("user-1", "ana@example.org", "Ana", language, Code, expires), context, default);
        else
            await new StateUserInvitedHandler(Email(db)).HandleAsync(new StateUserInvited("user-1", "ana@example.org", "Ana", language, "KEN", Code, expires), context, default);
        await db.SaveChangesAsync();

        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal((kind, language, subject), (delivery.Kind, delivery.Language, delivery.Subject));
        Assert.Contains($"https://portal.example/en/reset-password?email=ana%40example.org&code={Code}", delivery.Body);
        var notice = await db.Notices.SingleAsync();
        Assert.DoesNotContain(Code, notice.Body);
        Assert.DoesNotContain(Code, notice.Values);
    }

    [Fact]
    public async Task A_changed_language_is_the_language_of_the_account_from_then_on()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            db.Accounts.Add(new Account("user-1", "ana@example.org", "Ana", "en", Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            await new AccountLanguageChangedHandler(db).HandleAsync(new AccountLanguageChanged("user-1", "fr", Clock.GetUtcNow()), new EventContext(Guid.NewGuid(), null), default);
            // Someone without an account here (staff, a State user) changes nothing.
            await new AccountLanguageChangedHandler(db).HandleAsync(new AccountLanguageChanged("staff-1", "es", Clock.GetUtcNow()), new EventContext(Guid.NewGuid(), null), default);
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
            Assert.Equal("fr", (await db.Accounts.SingleAsync()).Language);
    }
}

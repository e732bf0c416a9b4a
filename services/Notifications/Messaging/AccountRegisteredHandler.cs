using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// No notice: records where and in which language an organization user reads notices. Should
/// the user's organizations have written to it already (events from Identity and Registration
/// race), it gets those e-mails now.
/// </summary>
public sealed class AccountRegisteredHandler(NotificationsDb db, DeliveryPlanner deliveries, TimeProvider clock) : IEventHandler<AccountRegistered>
{
    public async Task HandleAsync(AccountRegistered message, EventContext context, CancellationToken ct)
    {
        if (await db.Accounts.AnyAsync(a => a.Subject == message.Subject, ct) || db.Accounts.Local.Any(a => a.Subject == message.Subject))
            return;
        var language = NoticeTemplates.Languages.Contains(message.Language) ? message.Language : NoticeTemplates.DefaultLanguage;
        var account = new Account(message.Subject, message.Email.Trim(), message.DisplayName, language, message.At);
        db.Accounts.Add(account);
        var memberships = await db.OrganizationMembers.AsNoTracking().Where(m => m.Subject == message.Subject).ToListAsync(ct);
        foreach (var membership in memberships)
            await deliveries.CatchUpAsync(membership.OrganizationId, account, membership.AddedAt, clock.GetUtcNow(), ct);
    }
}

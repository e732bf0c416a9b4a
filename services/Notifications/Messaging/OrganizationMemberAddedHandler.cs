using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// No notice: records the member in the directory that decides who sees an organization's inbox
/// and who gets its e-mails (from the moment it joined, even if its notices were written first).
/// </summary>
public sealed class OrganizationMemberAddedHandler(NotificationsDb db, DeliveryPlanner deliveries, TimeProvider clock) : IEventHandler<OrganizationMemberAdded>
{
    public async Task HandleAsync(OrganizationMemberAdded message, EventContext context, CancellationToken ct)
    {
        var known = await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == message.OrganizationId && m.Subject == message.Subject, ct)
            || db.OrganizationMembers.Local.Any(m => m.OrganizationId == message.OrganizationId && m.Subject == message.Subject);
        if (known)
            return;
        db.OrganizationMembers.Add(new OrganizationMember(message.OrganizationId, message.Subject, message.OrganizationName, message.At));
        if (await db.Accounts.SingleOrDefaultAsync(a => a.Subject == message.Subject, ct) is { } account)
            await deliveries.CatchUpAsync(message.OrganizationId, account, message.At, clock.GetUtcNow(), ct);
    }
}

using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// Renders the notices an event calls for and adds them, with their e-mail deliveries, to the
/// consumer's unit of work (no SaveChanges: the inbox consumer commits once). A notice already
/// stored for the same message, recipient and kind is not added again, so even a run outside the
/// inbox has no second effect, in the inbox or by e-mail.
/// </summary>
public sealed class NoticeWriter(NotificationsDb db, NoticeTemplates templates, DeliveryPlanner deliveries, TimeProvider clock)
{
    public async Task AddAsync(IReadOnlyList<NoticeDraft> drafts, EventContext context, CancellationToken ct)
    {
        if (drafts.Count == 0)
            return;
        var messageId = context.MessageId;
        var stored = await db.Notices.AsNoTracking()
            .Where(n => n.SourceMessageId == messageId)
            .Select(n => new { n.Recipient, n.Kind })
            .ToListAsync(ct);
        var present = stored.Select(n => (n.Recipient, n.Kind)).ToHashSet();
        present.UnionWith(db.ChangeTracker.Entries<Notice>()
            .Where(e => e.State == EntityState.Added && e.Entity.SourceMessageId == messageId)
            .Select(e => (e.Entity.Recipient, e.Entity.Kind)));

        var now = clock.GetUtcNow();
        foreach (var draft in drafts)
        {
            if (!present.Add((draft.Recipient, draft.Kind)))
                continue;
            var language = await deliveries.InboxLanguageAsync(draft.Recipient, ct);
            var notice = Notice.Create(draft, templates.Render(draft, language), messageId, now);
            db.Notices.Add(notice);
            await deliveries.AddForAsync(notice, now, ct);
        }
    }
}

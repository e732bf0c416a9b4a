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
    /// <summary>The notices stored for each message of the group being prepared (see <see cref="PrepareAsync"/>).</summary>
    readonly Dictionary<Guid, HashSet<(string Recipient, string Kind)>> _stored = [];

    /// <summary>
    /// Reads ahead for a group of messages in one transaction: the notices already stored for any of
    /// them and their recipients' members, in one query each instead of several per message.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<(IReadOnlyList<NoticeDraft> Drafts, EventContext Context)> group, CancellationToken ct)
    {
        _stored.Clear();
        var messageIds = group.Where(g => g.Drafts.Count > 0).Select(g => g.Context.MessageId).Distinct().ToList();
        if (messageIds.Count == 0)
            return;
        foreach (var messageId in messageIds)
            _stored[messageId] = [];
        var stored = await db.Notices.AsNoTracking()
            .Where(n => messageIds.Contains(n.SourceMessageId))
            .Select(n => new { n.SourceMessageId, n.Recipient, n.Kind })
            .ToListAsync(ct);
        foreach (var notice in stored)
            _stored[notice.SourceMessageId].Add((notice.Recipient, notice.Kind));
        await deliveries.PrepareAsync(group.SelectMany(g => g.Drafts).Select(d => d.Recipient), ct);
    }

    public async Task AddAsync(IReadOnlyList<NoticeDraft> drafts, EventContext context, CancellationToken ct)
    {
        if (drafts.Count == 0)
            return;
        var messageId = context.MessageId;
        var present = _stored.TryGetValue(messageId, out var prepared)
            ? [.. prepared]
            : (await db.Notices.AsNoTracking()
                .Where(n => n.SourceMessageId == messageId)
                .Select(n => new { n.Recipient, n.Kind })
                .ToListAsync(ct)).Select(n => (n.Recipient, n.Kind)).ToHashSet();
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
            await deliveries.AddForNewAsync(notice, now, ct);
        }
    }
}

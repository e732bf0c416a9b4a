using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Data;

/// <summary>A notice as one reader sees it: read or not is per State for notices to every State party.</summary>
public sealed record InboxEntry
{
    // Init-only members (not a positional record) so that EF Core can filter and order on them after the projection.
    public required Notice Notice { get; init; }
    public required bool Read { get; init; }
}

/// <summary>
/// The inbox queries and the one change a reader makes (marking read), for an audience the
/// caller's token and the member directory define. A notice outside the audience is absent.
/// A member's organizations are joined from the directory in SQL, never sent as a list: a member
/// of 10,000 organizations costs an index look-up per organization, not 10,000 parameters.
/// </summary>
public sealed class Inbox(NotificationsDb db, TimeProvider clock)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ListAsync(InboxAudience audience, bool unreadOnly, int skip, int take, CancellationToken ct)
    {
        var query = Visible(audience);
        if (unreadOnly)
            query = query.Where(e => !e.Read);
        return await query
            .OrderByDescending(e => e.Notice.CreatedAt).ThenByDescending(e => e.Notice.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
    }

    public Task<int> UnreadCountAsync(InboxAudience audience, CancellationToken ct) =>
        Visible(audience).CountAsync(e => !e.Read, ct);

    /// <summary>Marks a notice read for the audience (idempotent: the first reading time stays).</summary>
    public Task<InboxEntry> MarkReadAsync(InboxAudience audience, Guid noticeId, CancellationToken ct) =>
        db.RetryOnBusyAsync(async token =>
        {
            var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == noticeId, token);
            // Someone else's notice is answered as absent: its existence is not the caller's to know.
            if (notice is null || !await SeesAsync(audience, notice, token))
                throw new NotFoundException("Notice", noticeId, NotificationReasons.NoticeNotFound);
            var now = clock.GetUtcNow();
            if (!notice.IsBroadcast)
                notice.MarkRead(now);
            else if (audience.StateReader is { } reader
                && !await db.BroadcastReads.AnyAsync(r => r.NoticeId == noticeId && r.Reader == reader, token))
                db.BroadcastReads.Add(new BroadcastRead(noticeId, reader, now));
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                db.ChangeTracker.Clear(); // the same State marked it read concurrently: done already
            }
            return new InboxEntry { Notice = notice, Read = true };
        }, ct);

    async Task<bool> SeesAsync(InboxAudience audience, Notice notice, CancellationToken ct) =>
        audience.Member is { } member
            ? notice.OrganizationId is { } organization
              && await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization && m.Subject == member, ct)
            : audience.Sees(notice.Recipient);

    IQueryable<InboxEntry> Visible(InboxAudience audience)
    {
        if (audience.Member is { } member)
        {
            var organizations = db.OrganizationMembers.Where(m => m.Subject == member).Select(m => (Guid?)m.OrganizationId);
            return db.Notices.AsNoTracking()
                .TagWith(PreparedReads.Tag)
                .Where(n => organizations.Contains(n.OrganizationId))
                .Select(n => new InboxEntry { Notice = n, Read = n.ReadAt != null });
        }
        var recipients = audience.Recipients.ToList();
        var reader = audience.StateReader ?? "";
        // Every portal page asks for the unread count: on SQLite its statement stays prepared.
        return db.Notices.AsNoTracking()
            .TagWith(PreparedReads.Tag)
            .Where(n => recipients.Contains(n.Recipient))
            .Select(n => new InboxEntry
            {
                Notice = n,
                Read = n.Recipient == Recipients.States
                    ? db.BroadcastReads.Any(r => r.NoticeId == n.Id && r.Reader == reader)
                    : n.ReadAt != null,
            });
    }
}

using System.Security.Cryptography;
using System.Text;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// Writes the daily digest of applications waiting for screening, once per day even with several
/// replicas or restarts: the day's run is recorded in the inbox table under an id derived from the
/// day, in the same transaction as its notice (and with no notice when nothing waits).
/// </summary>
public sealed class ScreeningDigest(NotificationsDb db, ScreeningQueue queue, NoticeWriter writer, DigestOptions settings, TimeProvider clock)
{
    const string Consumer = "ScreeningDigest";

    /// <summary>Writes today's digest if it is due and not yet written; true when this call wrote it.</summary>
    public Task<bool> WriteIfDueAsync(CancellationToken ct) => db.RetryOnBusyAsync(async token =>
    {
        var now = clock.GetUtcNow();
        if (now.UtcDateTime.TimeOfDay < settings.TimeOfDay)
            return false;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var runId = RunId(day);
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == runId && m.Consumer == Consumer, token))
            return false;
        await writer.AddAsync(NoticePlanner.ForDigest(day, await queue.WaitingAsync(token)), new EventContext(runId, null), token);
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = runId, Consumer = Consumer, ProcessedAt = now });
        try
        {
            await db.SaveChangesAsync(token);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear(); // another replica wrote it first
            return false;
        }
        return true;
    }, ct);

    /// <summary>The same id for the same day on every replica.</summary>
    public static Guid RunId(DateOnly day) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"screening-digest:{day:yyyy-MM-dd}")).AsSpan(0, 16));
}

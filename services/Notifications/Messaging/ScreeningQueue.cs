using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>Keeps, from the application events, which applications wait for screening (for the daily digest).</summary>
public sealed class ScreeningQueue(NotificationsDb db)
{
    /// <summary>Applications read ahead that had no entry then (see <see cref="PrepareAsync"/>).</summary>
    readonly HashSet<Guid> _absent = [];

    /// <summary>Reads ahead, in one query, the entries of a group's applications (tracked, as their handlers change them).</summary>
    public async Task PrepareAsync(IEnumerable<Guid> applicationIds, CancellationToken ct)
    {
        _absent.Clear();
        var ids = applicationIds.Distinct().ToList();
        var found = await db.ScreeningEntries.Where(e => ids.Contains(e.ApplicationId)).ToListAsync(ct);
        _absent.UnionWith(ids.Except(found.Select(e => e.ApplicationId)));
    }

    public async Task SubmittedAsync(Guid applicationId, string organizationName, string dialogueTitle, DateTimeOffset at, CancellationToken ct) =>
        (await EntryAsync(applicationId, organizationName, dialogueTitle, ct)).Submitted(at);

    public async Task LeftAsync(Guid applicationId, string organizationName, string dialogueTitle, DateTimeOffset at, CancellationToken ct) =>
        (await EntryAsync(applicationId, organizationName, dialogueTitle, ct)).LeftQueue(at);

    public async Task<IReadOnlyList<WaitingApplication>> WaitingAsync(CancellationToken ct) =>
        (await db.ScreeningEntries.AsNoTracking().Where(e => e.Waiting).ToListAsync(ct)).Select(e => e.ToWaiting()).ToList();

    async Task<ScreeningEntry> EntryAsync(Guid applicationId, string organizationName, string dialogueTitle, CancellationToken ct)
    {
        var entry = db.ScreeningEntries.Local.FirstOrDefault(e => e.ApplicationId == applicationId)
            ?? (_absent.Contains(applicationId) ? null : await db.ScreeningEntries.SingleOrDefaultAsync(e => e.ApplicationId == applicationId, ct));
        if (entry is null)
        {
            entry = new ScreeningEntry(applicationId, organizationName, dialogueTitle);
            db.ScreeningEntries.Add(entry);
        }
        return entry;
    }
}

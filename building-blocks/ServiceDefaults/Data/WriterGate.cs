using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// The SQLite file's one write lock, queued for inside this process: write transactions of one file
/// wait here, asynchronously and in arrival order, instead of in SQLite's busy handler, which holds a
/// thread-pool thread and sleeps 1 to 100 ms between polls (under 64 concurrent submissions 40 % of
/// the host's thread time was spent there, and the lock, once free, waited for a sleeper to wake).
/// SQLite still arbitrates what the gate does not cover (implicit transactions of a plain
/// SaveChanges, other processes). A writer that waited <see cref="Patience"/> without its turn
/// goes on to SQLite's busy handler as before, so a flow that holds the gate and opens a second
/// write transaction on the same file waits no longer than it used to.
/// </summary>
static class WriterGate
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>The turn of this file's writers, or null when patience ran out (then SQLite's busy handler decides).</summary>
    public static async Task<SemaphoreSlim?> EnterAsync(DatabaseFacade database, CancellationToken ct)
    {
        var gate = Files.GetOrAdd(database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(Patience, ct) ? gate : null;
    }

    /// <summary>Whether nobody holds this file's turn (a turn never given back would stall every later writer).</summary>
    internal static bool IsFree(DatabaseFacade database) =>
        !Files.TryGetValue(database.GetConnectionString() ?? "", out var gate) || gate.CurrentCount == 1;
}

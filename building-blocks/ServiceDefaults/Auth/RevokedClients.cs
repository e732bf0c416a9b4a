using System.Collections.Frozen;
using Accreditation.Contracts;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.ServiceDefaults.Auth;

/// <summary>An API client the secretariat revoked: its tokens are refused even before they expire.</summary>
public sealed class RevokedClient
{
    public string ClientId { get; init; } = "";
    public DateTimeOffset RevokedAt { get; init; }
}

/// <summary>Asks whether a token's subject is a revoked API client.</summary>
public interface IRevokedClients
{
    ValueTask<bool> IsRevokedAsync(string subject, CancellationToken ct);

    /// <summary>Known at once in this process (the row is being committed); other replicas see it at their next refresh.</summary>
    void Add(string clientId);
}

/// <summary>
/// The revocation list of one service, kept in its own database (fed by <see cref="ApiClientRevoked"/>
/// through the inbox, so it survives restarts and every replica sharing the database sees it) and
/// read through a snapshot refreshed every few seconds, so checking a token costs no query.
/// </summary>
public sealed class RevokedClients<TDb>(IServiceScopeFactory scopes, WallClock wall) : IRevokedClients where TDb : DbContext
{
    /// <summary>How stale a replica's snapshot may get: a revoked client's earlier token works at most this long there.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    readonly SemaphoreSlim _loading = new(1, 1);
    readonly Lock _writing = new();
    volatile FrozenSet<string> _revoked = FrozenSet<string>.Empty;
    volatile bool _loaded;
    long _loadedAt;

    bool Stale => !_loaded || wall.GetElapsedTime(Volatile.Read(ref _loadedAt)) > Refresh;

    public async ValueTask<bool> IsRevokedAsync(string subject, CancellationToken ct)
    {
        if (Stale)
            await LoadAsync(ct);
        return _revoked.Contains(subject);
    }

    public void Add(string clientId)
    {
        lock (_writing)
            _revoked = _revoked.Append(clientId).ToFrozenSet(StringComparer.Ordinal);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        // Only the first load is waited for; afterwards one request refreshes while the others read the snapshot.
        if (!await _loading.WaitAsync(_loaded ? 0 : Timeout.Infinite, ct))
            return;
        try
        {
            if (!Stale)
                return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            var ids = await db.Set<RevokedClient>().AsNoTracking().Select(c => c.ClientId).ToListAsync(ct);
            lock (_writing)
                _revoked = _revoked.Union(ids).ToFrozenSet(StringComparer.Ordinal);
            Volatile.Write(ref _loadedAt, wall.GetTimestamp());
            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }
}

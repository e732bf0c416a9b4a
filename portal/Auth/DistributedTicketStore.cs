using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace Accreditation.Portal.Auth;

/// <summary>
/// Keeps each session (its claims and the person's tokens) on the server; the browser's cookie
/// carries only the session's random key, encrypted. A token never reaches the browser.
/// </summary>
public sealed class DistributedTicketStore(IDistributedCache cache, TimeProvider clock) : ITicketStore
{
    const string Prefix = "portal-session:";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket),
            new DistributedCacheEntryOptions { AbsoluteExpiration = clock.GetUtcNow() + Lifetime });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(Prefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}

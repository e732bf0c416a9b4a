using Accreditation.Contracts;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Auth;

/// <summary>Records a revocation in this service's list (once: the inbox and the primary key see to it).</summary>
public sealed class ApiClientRevokedHandler<TDb>(TDb db, IRevokedClients revoked) : IEventHandler<ApiClientRevoked> where TDb : DbContext
{
    public async Task HandleAsync(ApiClientRevoked message, EventContext context, CancellationToken ct)
    {
        var clients = db.Set<RevokedClient>();
        if (await clients.AnyAsync(c => c.ClientId == message.ClientId, ct) || clients.Local.Any(c => c.ClientId == message.ClientId))
            return;
        clients.Add(new RevokedClient { ClientId = message.ClientId, RevokedAt = message.RevokedAt });
        revoked.Add(message.ClientId);
    }
}

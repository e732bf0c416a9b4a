using System.Security.Cryptography;
using Accreditation.Contracts;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.Identity.V1;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Accreditation.Identity.Api;

/// <summary>
/// The secretariat manages the States parties' API clients. Each change of a client and of its
/// OpenIddict application (which holds the secret's hash) is one SQLite transaction, with the
/// revocation's event in the outbox.
/// </summary>
[Authorize]
public sealed class StateClientsApi(IdentityDb db, IOpenIddictApplicationManager applications, IRevokedClients revoked,
    OutboxSignal outbox, TimeProvider clock, ILogger<StateClientsApi> logger) : StateClientService.StateClientServiceBase
{
    public override async Task<CreateStateClientResponse> CreateStateClient(CreateStateClientRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var ct = context.CancellationToken;
        var secret = NewSecret();
        var client = await db.RetryInTransactionAsync(async token =>
        {
            var created = ApiClient.ForState(request.StateCode, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), clock.GetUtcNow());
            db.ApiClients.Add(created);
            // The partial unique index (one active client per State) decides, even between two officers at once.
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"State party {created.StateCode} already has an active client; rotate its secret or revoke it first.",
                IdentityReasons.StateClientExists, ("state_code", created.StateCode)), token);
            await applications.CreateAsync(Descriptor(created, secret), token);
            return created;
        }, ct);
        logger.LogInformation("API client {ClientId} created for State party {StateCode} by {Subject}", client.ClientId, client.StateCode, caller.Subject);
        return new CreateStateClientResponse { Client = ToMessage(client), ClientSecret = secret };
    }

    public override async Task<RotateStateClientSecretResponse> RotateStateClientSecret(RotateStateClientSecretRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var secret = NewSecret();
        var client = await db.RetryInTransactionAsync(async token =>
        {
            var found = await FindAsync(request.ClientId, token);
            found.RotateSecret(clock.GetUtcNow());
            var application = await ApplicationOfAsync(found, token);
            await db.SaveChangesAsync(token);
            // Only the new secret's hash is kept: the old secret stops working with this commit.
            await applications.UpdateAsync(application, Descriptor(found, secret), token);
            return found;
        }, context.CancellationToken);
        logger.LogInformation("API client {ClientId} secret rotated by {Subject}", client.ClientId, caller.Subject);
        return new RotateStateClientSecretResponse { Client = ToMessage(client), ClientSecret = secret };
    }

    public override async Task<RevokeStateClientResponse> RevokeStateClient(RevokeStateClientRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var client = await db.RetryInTransactionAsync(async token =>
        {
            var found = await FindAsync(request.ClientId, token);
            var now = clock.GetUtcNow();
            found.Revoke(now);
            var application = await ApplicationOfAsync(found, token);
            // Identity's own list at once; every other service's through the event.
            db.Set<RevokedClient>().Add(new RevokedClient { ClientId = found.ClientId, RevokedAt = now });
            db.Enqueue(new ApiClientRevoked(found.ClientId, found.StateCode, now), now);
            await db.SaveChangesAsync(token);
            // No application, no token: the token endpoint refuses the client as unknown.
            await applications.DeleteAsync(application, token);
            return found;
        }, context.CancellationToken);
        revoked.Add(client.ClientId);
        outbox.Notify();
        logger.LogWarning("API client {ClientId} of State party {StateCode} revoked by {Subject}", client.ClientId, client.StateCode, caller.Subject);
        return new RevokeStateClientResponse { Client = ToMessage(client) };
    }

    public override async Task<ListStateClientsResponse> ListStateClients(ListStateClientsRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.Role == Roles.State)
            .OrderBy(c => c.StateCode).ThenBy(c => c.ClientId).ToListAsync(context.CancellationToken);
        return new ListStateClientsResponse { Clients = { clients.Select(ToMessage) } };
    }

    /// <summary>A State client the secretariat manages (<see cref="ApiClient.EnsureManaged"/>).</summary>
    async Task<ApiClient> FindAsync(string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new InvalidFieldException("client_id", "is required", CommonReasons.FieldRequired);
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId && c.Role == Roles.State, ct)
            ?? throw new NotFoundException("State client", clientId, IdentityReasons.StateClientNotFound);
        client.EnsureManaged();
        return client;
    }

    /// <summary>The OpenIddict application holding an active client's secret (a revoked client has none).</summary>
    async Task<object> ApplicationOfAsync(ApiClient client, CancellationToken ct) =>
        await applications.FindByClientIdAsync(client.ClientId, ct)
            ?? throw new InvalidOperationException($"API client '{client.ClientId}' is active but has no OpenIddict application.");

    static OpenIddictApplicationDescriptor Descriptor(ApiClient client, string secret) => new()
    {
        ClientId = client.ClientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = $"State party {client.StateCode}",
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
    };

    // 256 bits, URL-safe: pasted into a form body or a configuration file as it is.
    static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static StateClient ToMessage(ApiClient client) => new()
    {
        ClientId = client.ClientId,
        StateCode = client.StateCode ?? "",
        CreatedAt = client.CreatedAt is { } created ? Timestamp.FromDateTimeOffset(created) : null,
        SecretRotatedAt = client.SecretRotatedAt is { } rotated ? Timestamp.FromDateTimeOffset(rotated) : null,
        RevokedAt = client.RevokedAt is { } revokedAt ? Timestamp.FromDateTimeOffset(revokedAt) : null,
        Managed = client.Managed,
    };
}

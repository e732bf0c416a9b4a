using Accreditation.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Accreditation.Identity.Data;

/// <summary>
/// Makes the OAuth clients match configuration at start: the portal's public client, and one
/// confidential client per Identity:Clients entry (created, secret and role updated, or removed
/// when no longer configured, so withdrawing a configured client is a configuration change). Clients
/// the secretariat created through StateClientService are not configuration's and are left alone.
/// Registered after the database migrator, so it starts once the tables exist.
/// </summary>
sealed class ClientSeeder(IServiceProvider services, IdentitySettings settings, ILogger<ClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();

        await EnsurePortalAsync(applications, cancellationToken);
        foreach (var registration in settings.Clients)
            await EnsureClientAsync(applications, db, registration, cancellationToken);
        await RemoveUnconfiguredAsync(applications, db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static async Task EnsurePortalAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        // Public: the portal client holds no secret, so it may only exchange a user's password, and
        // that sign-in's refresh token (scope offline_access), which the token endpoint checks.
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ApiClientRegistration.PortalClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Accreditation portal",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken },
        };
        if (await applications.FindByClientIdAsync(descriptor.ClientId, ct) is { } existing)
            await applications.UpdateAsync(existing, descriptor, ct);
        else
            await applications.CreateAsync(descriptor, ct);
    }

    async Task EnsureClientAsync(IOpenIddictApplicationManager applications, IdentityDb db, ApiClientRegistration registration, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = registration.StateCode is null ? $"{registration.Role} client" : $"State party {registration.StateCode}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };

        var existing = await applications.FindByClientIdAsync(registration.ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
            logger.LogInformation("API client {ClientId} created with role {Role}", registration.ClientId, registration.Role);
        }
        else if (!await applications.ValidateClientSecretAsync(existing, registration.ClientSecret, ct)
                 || await applications.GetClientTypeAsync(existing, ct) != ClientTypes.Confidential)
        {
            // Only the hash is stored, so a changed secret shows up as one that no longer validates.
            await applications.UpdateAsync(existing, descriptor, ct);
            logger.LogInformation("API client {ClientId} updated (secret changed)", registration.ClientId);
        }

        var client = await db.ApiClients.FindAsync([registration.ClientId], ct);
        if (client is null)
            db.ApiClients.Add(new ApiClient(registration.ClientId, registration.Role, registration.StateCode));
        else if (!client.Matches(registration))
        {
            client.Apply(registration);
            logger.LogInformation("API client {ClientId} now has role {Role}", registration.ClientId, registration.Role);
        }
        await db.SaveChangesAsync(ct);
    }

    async Task RemoveUnconfiguredAsync(IOpenIddictApplicationManager applications, IdentityDb db, CancellationToken ct)
    {
        var configured = settings.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        var stale = (await db.ApiClients.ToListAsync(ct)).Where(c => !c.Managed && !configured.Contains(c.ClientId)).ToList();
        foreach (var client in stale)
        {
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application)
                await applications.DeleteAsync(application, ct);
            db.ApiClients.Remove(client);
            logger.LogWarning("API client {ClientId} is no longer configured and was removed", client.ClientId);
        }
        await db.SaveChangesAsync(ct);
    }
}

using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Identity;

/// <summary>What the Identity service's settings (<see cref="IdentityServiceOptions"/>) give, read and checked once at start.</summary>
public sealed record IdentitySettings(Uri Issuer, TimeSpan AccessTokenLifetime, string KeysDirectory, IReadOnlyList<ApiClientRegistration> Clients)
{
    /// <summary>Staff accounts created at start when absent (Identity:Staff:{i}), e.g. by the standalone host's first run.</summary>
    public IReadOnlyList<StaffRegistration> Staff { get; init; } = [];

    /// <summary>How long a person's refresh token (scope offline_access) works at most; sign-out or a new password ends it sooner.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Besides loopback, the networks whose X-Forwarded-For the sign-in throttle believes.</summary>
    public IReadOnlyList<System.Net.IPNetwork> KnownNetworks { get; init; } = [];

    /// <summary>Organization users sign in only once they have confirmed their e-mail address.</summary>
    public bool RequireConfirmedEmail { get; init; } = true;

    public static IdentitySettings From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<IdentityServiceOptions>(IdentityServiceOptions.Section);
        var clients = options.Clients
            .Select((entry, i) => ApiClientRegistration.Create($"{IdentityServiceOptions.Section}:Clients:{i}", entry.ClientId, entry.ClientSecret, entry.Role, entry.State))
            .ToList();
        return new IdentitySettings(new Uri(options.Issuer!), options.AccessTokenLifetime,
            DataFolder.OrInData(configuration, options.KeysDirectory, "identity-keys"), ApiClientRegistration.EnsureDistinct(clients))
        {
            RequireConfirmedEmail = options.RequireConfirmedEmail,
            RefreshTokenLifetime = options.RefreshTokenLifetime,
            KnownNetworks = options.ForwardedHeaders.Parsed.ToList(),
            Staff = StaffRegistration.EnsureDistinct(options.Staff
                .Select((entry, i) => StaffRegistration.Create($"{IdentityServiceOptions.Section}:Staff:{i}", entry.Email, entry.Role, entry.Password, entry.DisplayName))
                .ToList()),
        };
    }
}

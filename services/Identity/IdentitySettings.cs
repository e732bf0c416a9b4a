using Accreditation.Identity.Domain;

namespace Accreditation.Identity;

/// <summary>The Identity service's configuration (section Identity), read and checked once at start.</summary>
public sealed record IdentitySettings(Uri Issuer, TimeSpan AccessTokenLifetime, string KeysDirectory, IReadOnlyList<ApiClientRegistration> Clients)
{
    /// <summary>Staff accounts created at start when absent (Identity:Staff:{i}), e.g. by the standalone host's first run.</summary>
    public IReadOnlyList<StaffRegistration> Staff { get; init; } = [];

    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultRefreshTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>How long a person's refresh token (scope offline_access) works at most (Identity:RefreshTokenLifetime); sign-out or a new password ends it sooner.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = DefaultRefreshTokenLifetime;

    /// <summary>
    /// Organization users sign in only once they have confirmed their e-mail address
    /// (Identity:RequireConfirmedEmail, true unless set to false, e.g. where no e-mail can be sent).
    /// </summary>
    public bool RequireConfirmedEmail { get; init; } = true;

    public static IdentitySettings From(IConfiguration configuration)
    {
        var issuerText = configuration["Identity:Issuer"];
        if (!Uri.TryCreate(issuerText, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
            throw new InvalidOperationException("Identity:Issuer must be the absolute http(s) address tokens are issued under, e.g. http://127.0.0.1:5101/.");

        var lifetime = configuration.GetValue("Identity:AccessTokenLifetime", DefaultAccessTokenLifetime);
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(1))
            throw new InvalidOperationException("Identity:AccessTokenLifetime must be positive and at most one day.");

        var refreshLifetime = configuration.GetValue("Identity:RefreshTokenLifetime", DefaultRefreshTokenLifetime);
        if (refreshLifetime <= lifetime || refreshLifetime > TimeSpan.FromDays(30))
            throw new InvalidOperationException("Identity:RefreshTokenLifetime must be longer than the access token's and at most 30 days.");

        var keys = configuration["Identity:KeysDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Data:Directory"] ?? "data", "identity-keys");

        var clients = configuration.GetSection("Identity:Clients").GetChildren()
            .Select(entry => ApiClientRegistration.Create($"Identity:Clients:{entry.Key}",
                entry["ClientId"], entry["ClientSecret"], entry["Role"], entry["State"]))
            .ToList();

        return new IdentitySettings(issuer, lifetime, Path.GetFullPath(keys), ApiClientRegistration.EnsureDistinct(clients))
        {
            RequireConfirmedEmail = configuration.GetValue("Identity:RequireConfirmedEmail", true),
            RefreshTokenLifetime = refreshLifetime,
            Staff = StaffRegistration.EnsureDistinct(configuration.GetSection("Identity:Staff").GetChildren()
                .Select(entry => StaffRegistration.Create($"Identity:Staff:{entry.Key}", entry["Email"], entry["Role"], entry["Password"], entry["DisplayName"]))
                .ToList()),
        };
    }
}

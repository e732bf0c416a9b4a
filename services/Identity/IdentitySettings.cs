using Accreditation.Identity.Domain;

namespace Accreditation.Identity;

/// <summary>The Identity service's configuration (section Identity), read and checked once at start.</summary>
public sealed record IdentitySettings(Uri Issuer, TimeSpan AccessTokenLifetime, string KeysDirectory, IReadOnlyList<ApiClientRegistration> Clients)
{
    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromMinutes(15);

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
        };
    }
}

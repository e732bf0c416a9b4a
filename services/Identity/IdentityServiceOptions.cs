using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Identity;

/// <summary>The Identity service's settings (section Identity); <see cref="IdentitySettings"/> is what they give.</summary>
public sealed class IdentityServiceOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>The absolute http(s) address tokens are issued under, e.g. http://127.0.0.1:5101/.</summary>
    public string? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a person's refresh token (scope offline_access) works at most; sign-out or a new password ends it sooner.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The signing and encryption keys; unset: identity-keys in the data folder.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Organization users sign in only once they have confirmed their e-mail address (false where no e-mail can be sent).</summary>
    public bool RequireConfirmedEmail { get; set; } = true;

    /// <summary>API clients managed by configuration (the States' others by the secretariat).</summary>
    public List<ApiClientOptions> Clients { get; set; } = [];

    /// <summary>Staff accounts created at start when absent, e.g. by the standalone host's first run.</summary>
    public List<StaffOptions> Staff { get; set; } = [];

    /// <summary>Besides loopback, the networks whose X-Forwarded-For the sign-in throttle believes.</summary>
    public ForwardedNetworks ForwardedHeaders { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
            yield return new("must be the absolute http(s) address tokens are issued under, e.g. http://127.0.0.1:5101/.", [nameof(Issuer)]);
        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromDays(1))
            yield return new("must be positive and at most one day.", [nameof(AccessTokenLifetime)]);
        if (RefreshTokenLifetime <= AccessTokenLifetime || RefreshTokenLifetime > TimeSpan.FromDays(30))
            yield return new("must be longer than the access token's and at most 30 days.", [nameof(RefreshTokenLifetime)]);
        foreach (var result in ForwardedHeaders.Validate(validationContext))
            yield return result;
    }
}

/// <summary>An API client of Identity:Clients:N.</summary>
public sealed class ApiClientOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>officer, auditor or state.</summary>
    public string? Role { get; set; }

    /// <summary>The State party (ISO 3166-1 alpha-3) of a state client.</summary>
    public string? State { get; set; }
}

/// <summary>A staff account of Identity:Staff:N.</summary>
public sealed class StaffOptions
{
    public string? Email { get; set; }

    /// <summary>officer or auditor.</summary>
    public string? Role { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }
}

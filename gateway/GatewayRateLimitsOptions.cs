using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Gateway;

/// <summary>The edge's budgets per caller (section Gateway:RateLimits), see <see cref="GatewayRateLimits"/>.</summary>
public sealed class GatewayRateLimitsOptions : IValidatableObject
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>Every call.</summary>
    public RateLimitBudget General { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Calls that take a password or an e-mailed code, or create an account.</summary>
    public RateLimitBudget SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Filing objections.</summary>
    public RateLimitBudget Objections { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Calls that send an e-mail.</summary>
    public RateLimitBudget Email { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new[] { (nameof(General), General), (nameof(SignIn), SignIn), (nameof(Objections), Objections), (nameof(Email), Email) }
            .SelectMany(b => new[]
            {
                b.Item2.PermitLimit > 0 ? null : new ValidationResult("must be positive.", [$"{b.Item1}:{nameof(RateLimitBudget.PermitLimit)}"]),
                b.Item2.Window > TimeSpan.Zero ? null : new ValidationResult("must be positive.", [$"{b.Item1}:{nameof(RateLimitBudget.Window)}"]),
            })
            .OfType<ValidationResult>();
}

/// <summary>At most PermitLimit calls per caller in each fixed Window.</summary>
public sealed class RateLimitBudget
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

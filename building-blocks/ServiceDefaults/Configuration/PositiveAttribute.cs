using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>A duration that must be longer than zero.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute : ValidationAttribute
{
    public PositiveAttribute() : base("must be positive.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        TimeSpan span => span > TimeSpan.Zero,
        int number => number > 0,
        long number => number > 0,
        _ => false,
    };
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>Data annotations and <see cref="IValidatableObject"/>, each failure named by its setting's full key.</summary>
public sealed class SectionValidation<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{string.Join(", ", r.MemberNames.DefaultIfEmpty("").Select(m => m.Length == 0 ? section : $"{section}:{m}"))}: {r.ErrorMessage}"));
    }
}

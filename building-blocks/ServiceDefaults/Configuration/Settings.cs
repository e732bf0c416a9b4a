using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// Binds a settings class (one with a <c>public const string Section</c>, the marker the README's
/// settings table test looks for) to its configuration section and checks it with its data
/// annotations and <see cref="IValidatableObject"/> rules, so a wrong setting stops the start with
/// its full name ("Objections:DeadlinePollInterval: must be positive").
/// </summary>
public static class Settings
{
    /// <summary>For <c>IOptions&lt;T&gt;</c> consumers: bound, checked when the host starts.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        // Once per class: a second binding would append a list's items again.
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<T>) && d.ImplementationInstance is SectionValidation<T>))
            return services.AddOptions<T>();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// For settings the composition itself depends on (which transport, which routes): bound and
    /// checked now, and registered as <c>IOptions&lt;T&gt;</c> for the parts that read them later.
    /// </summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var settings = configuration.ReadSettings<T>(section);
        services.AddSettings<T>(section);
        return settings;
    }

    /// <summary>
    /// Binds and checks a section now (an unset section gives the class's defaults); with
    /// <paramref name="refuseUnknownKeys"/>, for a section no other class shares, a key the class
    /// does not have stops the start too.
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section, bool refuseUnknownKeys = false) where T : class, new()
    {
        var settings = configuration.GetSection(section).Get<T>(binder => binder.ErrorOnUnknownConfiguration = refuseUnknownKeys) ?? new T();
        var result = new SectionValidation<T>(section).Validate(null, settings);
        // The same exception as a value the binder cannot convert ("Failed to convert ... at 'Bus:Transport'").
        if (result.Failed)
            throw new InvalidOperationException(string.Join(" ", result.Failures));
        return settings;
    }
}

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

/// <summary>An absolute http(s) address, when set.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressAttribute : ValidationAttribute
{
    public HttpAddressAttribute() : base("must be an absolute http(s) address, e.g. http://127.0.0.1:5101.") { }

    public override bool IsValid(object? value) =>
        value is null or "" || value is string text && IsHttp(text);

    internal static bool IsHttp(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

/// <summary>One absolute http(s) address, or several with ',' or ';' between them (a service's replicas).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressesAttribute : ValidationAttribute
{
    public HttpAddressesAttribute() : base("must be an absolute http(s) address, or several with ',' between them, e.g. http://127.0.0.1:5102,http://127.0.0.1:5112.") { }

    public override bool IsValid(object? value) =>
        value is null or "" || value is string text && ServicesOptions.Replicas(text) is { Count: > 0 } all && all.All(HttpAddressAttribute.IsHttp);
}

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

using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Accreditation.UnitTests.Configuration;

/// <summary>
/// The README's table of settings against the code: every bindable property of every settings
/// class (a class with a <c>public const string Section</c>) has its row, every row names a real
/// property, and every app's appsettings.json holds only documented settings, at the class's defaults.
/// </summary>
public sealed partial class SettingsTableTests
{
    // One type of each part's assembly: the settings classes are found in them.
    static readonly Assembly[] Parts =
    [
        typeof(Accreditation.ServiceDefaults.ServiceDefaultsExtensions).Assembly,
        typeof(Accreditation.Identity.IdentityServiceExtensions).Assembly,
        typeof(Accreditation.Registration.RegistrationServiceExtensions).Assembly,
        typeof(Accreditation.Objections.ObjectionsServiceExtensions).Assembly,
        typeof(Accreditation.Notifications.NotificationsServiceExtensions).Assembly,
        typeof(Accreditation.Gateway.GatewayExtensions).Assembly,
        typeof(Accreditation.Portal.PortalExtensions).Assembly,
    ];

    /// <summary>The runnable apps, each with its appsettings.json.</summary>
    public static TheoryData<string> Apps => new()
    {
        "services/Identity", "services/Registration", "services/Objections", "services/Notifications", "gateway", "portal", "hosts/Standalone",
    };

    static readonly string[] Seams = ["(database seam)", "(telemetry seam)"];

    [Fact]
    public void Every_setting_of_every_settings_class_has_its_row_in_the_readme()
    {
        var rows = Rows().Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = Settings().Keys.Where(key => !rows.Contains(key)).ToList();

        Assert.True(missing.Count == 0, $"Settings without a row in the README's table: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_row_of_the_readme_table_names_a_setting_of_a_settings_class()
    {
        var settings = Settings();
        var sections = SettingsClasses().Select(c => c.Section).ToList();

        // A row still read by a seam without its settings class (the database's, telemetry's) is
        // tolerated while no settings class has its section; once one has, it is checked like any other.
        var unknown = Rows()
            .Where(row => !settings.ContainsKey(row.Key))
            .Where(row => !(Seams.Any(row.ReadBy.Contains) && !sections.Any(s => row.Key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))))
            .Select(row => row.Key)
            .ToList();

        Assert.True(unknown.Count == 0, $"README rows that name no property of a settings class: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_check_finds_the_settings_classes_and_their_nested_settings()
    {
        var settings = Settings();

        Assert.Contains("Objections:DeadlinePollInterval", settings.Keys);
        Assert.Contains("Bus:RabbitMq:Password", settings.Keys);
        Assert.Contains("Identity:Clients:N:ClientSecret", settings.Keys);
        Assert.Contains("Gateway:RateLimits:Email:Window", settings.Keys);
        Assert.Contains("Notifications:Recipients:State:<key>:Language", settings.Keys);
        Assert.DoesNotContain(settings.Keys, key => key.EndsWith(":AuditorEmailList", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void An_apps_settings_file_holds_documented_settings_at_their_defaults(string app)
    {
        var file = Path.Combine(RepositoryRoot.Path, app, "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        var rows = Rows().Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undocumented = configuration.AsEnumerable().Where(pair => pair.Value is not null)
            .Select(pair => Normalize(pair.Key)).Where(key => !rows.Contains(key)).ToList();
        Assert.True(undocumented.Count == 0, $"{app}/appsettings.json has settings the README does not list: {string.Join(", ", undocumented)}");

        foreach (var (type, section) in SettingsClasses().Where(c => configuration.GetSection(c.Section).Exists()))
        {
            var bound = configuration.GetSection(section).Get(type)!;
            Assert.True(Json(bound) == Json(Activator.CreateInstance(type)!),
                $"{app}/appsettings.json gives {section} ({type.Name}) other values than its defaults: {Json(bound)}");
        }
    }

    static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());

    /// <summary>Settings classes: those with the marker, <c>public const string Section</c>.</summary>
    static IEnumerable<(Type Type, string Section)> SettingsClasses() =>
        Parts.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .Select(t => (t.Type, (string)t.Field!.GetRawConstantValue()!));

    /// <summary>Every setting's key, list indexes as N and dictionary keys as &lt;key&gt;, with the class it is in.</summary>
    static Dictionary<string, Type> Settings()
    {
        var keys = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in SettingsClasses())
            foreach (var key in Keys(type, section))
                keys[key] = type;
        return keys;
    }

    static IEnumerable<string> Keys(Type type, string prefix) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .SelectMany(p => Keys(p.PropertyType, p.Name, prefix));

    static IEnumerable<string> Keys(Type type, string name, string prefix)
    {
        var key = $"{prefix}:{name}";
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsValue(type))
            return [key];
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Element(type.GetGenericArguments()[1], $"{key}:<key>");
        if (type.IsArray)
            return Element(type.GetElementType()!, $"{key}:N");
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            return Element(type.GetGenericArguments()[0], $"{key}:N");
        return Keys(type, key);
    }

    static IEnumerable<string> Element(Type type, string key) => IsValue(type) ? [key] : Keys(type, key);

    static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri);

    /// <summary>The table's rows: the setting (placeholders as the code's keys give them) and who reads it.</summary>
    static IReadOnlyList<(string Key, string ReadBy)> Rows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("\n## Settings\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no Settings section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = readme[start..end].Split('\n')
            .Select(line => Row().Match(line))
            .Where(m => m.Success)
            .Select(m => (Normalize(m.Groups["key"].Value), m.Groups["readBy"].Value.Trim()))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    // Indexes (0 in a file, N in the table) and free keys (<ISO3>, <service>) spelt one way.
    static string Normalize(string key) => string.Join(':', key.Split(':').Select((segment, i) =>
        segment is "N" || segment.All(char.IsAsciiDigit) ? "N" : segment.StartsWith('<') ? "<key>" : segment));

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z][^`]*)` \|[^|]*\|[^|]*\|(?<readBy>[^|]*)\|$")]
    private static partial Regex Row();
}

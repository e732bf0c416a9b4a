using System.Text.RegularExpressions;

namespace Accreditation.UnitTests.Architecture;

/// <summary>
/// One clock for the rules (the TimeProvider in DI, simulated by tests) and one named wall clock
/// for infrastructure timing (WallClock): nobody reads the system's clock on the side.
/// </summary>
public sealed class ClockTests
{
    // The composition roots register the default domain clock; nothing else names the system's.
    static readonly string[] Registrations =
    [
        "building-blocks/ServiceDefaults/ServiceDefaultsExtensions.cs",
        "gateway/GatewayExtensions.cs",
        "portal/PortalExtensions.cs",
        "hosts/Standalone/StandaloneOptions.cs",
    ];

    [Fact]
    public void Only_the_composition_roots_name_the_system_clock()
    {
        var root = RepositoryRoot.Path;
        var readers = new[] { "services", "building-blocks", "gateway", "portal", "hosts" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !Regex.IsMatch(file, @"[\\/](bin|obj)[\\/]"))
            .Where(file => File.ReadAllText(file).Contains("TimeProvider.System", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order()
            .ToList();

        Assert.Equal(Registrations.Order(), readers);
    }

    [Fact]
    public void The_wall_clock_is_the_machines_time()
    {
        var before = DateTimeOffset.UtcNow;
        var now = new Accreditation.ServiceDefaults.Hosting.WallClock().GetUtcNow();
        Assert.InRange(now, before, DateTimeOffset.UtcNow);
    }
}

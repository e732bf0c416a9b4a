using YamlDotNet.RepresentationModel;

namespace Accreditation.UnitTests.Dapr;

/// <summary>
/// The Dapr files as shipped (daprd cannot run here): each parses, has the kind and name the code
/// and the run file expect, and names what the services read (binding, secret store, app ids).
/// </summary>
public sealed class DaprFilesTests
{
    static readonly string[] AppIds = ["identity", "registration", "objections", "notifications"];

    [Fact]
    public void The_secret_store_is_a_local_file_store_with_colon_separated_names_as_configuration_keys()
    {
        var store = Load("components/secretstore.yaml");
        Assert.Equal(("Component", "secretstore", "secretstores.local.file"), (Scalar(store, "kind"), Scalar(store, "metadata", "name"), Scalar(store, "spec", "type")));
        Assert.Equal(":", Metadata(store)["nestedSeparator"]);
    }

    [Fact]
    public void The_smtp_binding_has_the_name_notifications_sends_through_and_takes_its_credentials_from_the_secret_store()
    {
        var smtp = Load("components/smtp.yaml");
        Assert.Equal(("Component", "smtp", "bindings.smtp"), (Scalar(smtp, "kind"), Scalar(smtp, "metadata", "name"), Scalar(smtp, "spec", "type")));
        Assert.Equal("secretstore", Scalar(smtp, "auth", "secretStore"));
        var items = ((YamlSequenceNode)Node(smtp, "spec", "metadata")).Cast<YamlMappingNode>().ToList();
        Assert.All(["host", "port", "user", "password"], name =>
            Assert.Contains(items, i => Scalar(i, "name") == name && i.Children.ContainsKey("secretKeyRef")));
        Assert.Equal(["notifications"], ((YamlSequenceNode)Node(smtp, "scopes")).Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public void The_configuration_traces_every_call_and_requires_mutual_tls()
    {
        var config = Load("config.yaml");
        Assert.Equal(("Configuration", "accreditation"), (Scalar(config, "kind"), Scalar(config, "metadata", "name")));
        Assert.Equal("1", Scalar(config, "spec", "tracing", "samplingRate"));
        Assert.Equal("true", Scalar(config, "spec", "mtls", "enabled"));
    }

    [Fact]
    public void Resiliency_covers_every_service_and_the_smtp_binding()
    {
        var resiliency = Load("components/resiliency.yaml");
        Assert.Equal("Resiliency", Scalar(resiliency, "kind"));
        var apps = (YamlMappingNode)Node(resiliency, "spec", "targets", "apps");
        Assert.Equal(AppIds.Order(), apps.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        var policies = (YamlMappingNode)Node(resiliency, "spec", "policies");
        foreach (var (_, target) in apps.Children)
            foreach (var (kind, policy) in new[] { ("timeout", "timeouts"), ("retry", "retries"), ("circuitBreaker", "circuitBreakers") })
                Assert.True(((YamlMappingNode)Node(policies, policy)).Children.ContainsKey(Scalar(target, kind)!), $"{kind} policy missing");
        Assert.Equal("email", Scalar(resiliency, "spec", "targets", "components", "smtp", "outbound", "retry"));
    }

    [Fact]
    public void The_run_file_starts_every_service_with_a_sidecar_and_the_dapr_switch_on()
    {
        var run = Load("dapr.yaml");
        Assert.Equal("./components", Scalar(run, "common", "resourcesPath"));
        Assert.Equal("./config.yaml", Scalar(run, "common", "configFilePath"));
        Assert.Equal("true", Scalar(run, "common", "env", "Dapr__Enabled"));
        Assert.Equal("secretstore", Scalar(run, "common", "env", "Dapr__SecretStore"));
        Assert.Equal("RabbitMq", Scalar(run, "common", "env", "Bus__Transport"));
        var apps = ((YamlSequenceNode)Node(run, "apps")).Cast<YamlMappingNode>().ToList();
        // The gateway's YARP clusters name the services by these app ids.
        Assert.Equal([.. AppIds, "gateway"], apps.Select(a => Scalar(a, "appID")));
        Assert.All(apps.Where(a => Scalar(a, "appID") != "gateway"), app =>
        {
            Assert.Equal($"http://127.0.0.1:{Scalar(app, "appPort")}", Scalar(app, "env", "ASPNETCORE_URLS"));
            var project = Path.Combine(Root(), "dapr", Scalar(app, "appDirPath")!);
            var dll = ((YamlSequenceNode)Node(app, "command")).Select(n => ((YamlScalarNode)n).Value!).Last();
            Assert.True(File.Exists(Path.Combine(project, $"{Path.GetFileNameWithoutExtension(dll)}.csproj")), $"{dll} is not built by {project}");
        });
        Assert.Equal("smtp", Scalar(apps.Single(a => Scalar(a, "appID") == "notifications"), "env", "Notifications__Email__DaprBinding"));
    }

    static string Root() => RepositoryRoot.Path;

    static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "dapr", file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    static string? Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value;

    static Dictionary<string, string?> Metadata(YamlNode component) =>
        ((YamlSequenceNode)Node(component, "spec", "metadata")).Cast<YamlMappingNode>()
            .ToDictionary(i => Scalar(i, "name")!, i => i.Children.ContainsKey("value") ? Scalar(i, "value") : null);
}

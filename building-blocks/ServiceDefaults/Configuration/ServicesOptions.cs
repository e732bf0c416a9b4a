namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// Where the parts find each other directly (section Services). Which ones a part needs is its
/// own business (the gateway all, the portal the four services, Registration and Notifications
/// each other for the ledger witness); through Dapr the sidecar finds them instead. Each holds one
/// address, or the addresses of a service's replicas with ',' or ';' between them
/// (Services__Registration=http://10.0.0.2:5102,http://10.0.0.3:5102): the gateway balances over
/// them, the ledger witness and the portal too (<see cref="ReplicaChannels"/>); the others take the first.
/// </summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    [HttpAddresses]
    public string? Identity { get; set; }

    [HttpAddresses]
    public string? Registration { get; set; }

    [HttpAddresses]
    public string? Objections { get; set; }

    [HttpAddresses]
    public string? Notifications { get; set; }

    [HttpAddresses]
    public string? Portal { get; set; }

    /// <summary>The setting of the service of that name (Identity, Registration, Objections, Notifications, Portal).</summary>
    public string? Of(string name) => name switch
    {
        nameof(Identity) => Identity,
        nameof(Registration) => Registration,
        nameof(Objections) => Objections,
        nameof(Notifications) => Notifications,
        nameof(Portal) => Portal,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such service."),
    };

    /// <summary>A setting's addresses in order (one, or a service's replicas); none when it is unset.</summary>
    public static IReadOnlyList<string> Replicas(string? setting) =>
        (setting ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A service's (first) address, or a refusal naming the setting.</summary>
    public static Uri Required(string? setting, string name) =>
        Replicas(setting) is [var first, ..] && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri : throw Missing(name);

    /// <summary>Every address of a service (its replicas, at least one), or a refusal naming the setting.</summary>
    public static IReadOnlyList<Uri> RequiredReplicas(string? setting, string name)
    {
        var replicas = Replicas(setting).Select(r => Uri.TryCreate(r, UriKind.Absolute, out var uri) ? uri : throw Missing(name)).ToList();
        return replicas.Count > 0 ? replicas : throw Missing(name);
    }

    public static InvalidOperationException Missing(string name) =>
        new($"{Section}:{name} (the {name} service's address) is not configured.");
}

using Accreditation.ServiceDefaults.Data;
using System.Security.Cryptography;
using System.Text.Json;

namespace Accreditation.Standalone;

/// <summary>
/// The API clients of a standalone installation: generated once with random secrets, kept in the
/// data folder (owner-readable only), never shipped in configuration.
/// </summary>
public sealed record StandaloneCredentials(IReadOnlyList<ClientCredential> Clients)
{
    public const string FileName = "credentials.json";
    static readonly string[] DemoStates = ["AUT", "BRA", "KEN", "MEX"];

    public static (StandaloneCredentials Credentials, bool Created) LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
            return (JsonSerializer.Deserialize<StandaloneCredentials>(File.ReadAllText(path))!, false);

        List<ClientCredential> clients =
        [
            new("secretariat-officer", Secret(), "officer", null),
            new("secretariat-auditor", Secret(), "auditor", null),
            .. DemoStates.Select(state => new ClientCredential($"state-{state.ToLowerInvariant()}", Secret(), "state", state)),
        ];
        var credentials = new StandaloneCredentials(clients);
        PrivateFiles.WriteAllText(path, JsonSerializer.Serialize(credentials, new JsonSerializerOptions { WriteIndented = true }));
        return (credentials, true);
    }

    public IEnumerable<KeyValuePair<string, string?>> AsSettings() => Clients.SelectMany((client, i) => new KeyValuePair<string, string?>[]
    {
        new($"Identity:Clients:{i}:ClientId", client.ClientId),
        new($"Identity:Clients:{i}:ClientSecret", client.ClientSecret),
        new($"Identity:Clients:{i}:Role", client.Role),
        new($"Identity:Clients:{i}:State", client.State),
    });

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}

public sealed record ClientCredential(string ClientId, string ClientSecret, string Role, string? State);

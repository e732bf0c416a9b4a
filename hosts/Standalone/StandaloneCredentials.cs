using Accreditation.ServiceDefaults.Data;
using System.Security.Cryptography;
using System.Text.Json;

namespace Accreditation.Standalone;

/// <summary>
/// The API clients and the first secretariat staff accounts (an officer and an auditor) of a
/// standalone installation: generated once with random secrets and passwords, kept in the data
/// folder (owner-readable only), never shipped in configuration nor written to a log.
/// </summary>
public sealed record StandaloneCredentials(IReadOnlyList<ClientCredential> Clients, IReadOnlyList<StaffCredential>? Staff = null)
{
    public const string FileName = "credentials.json";
    static readonly string[] DemoStates = ["AUT", "BRA", "KEN", "MEX"];
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The officer's account, who signs in to the portal with its e-mail address and password.</summary>
    public StaffCredential Officer => Staff!.First(s => s.Role == "officer");

    public StaffCredential Auditor => Staff!.First(s => s.Role == "auditor");

    public static (StandaloneCredentials Credentials, bool Created) LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<StandaloneCredentials>(File.ReadAllText(path))!;
            if (existing.Staff is { Count: > 0 })
                return (existing, false);
            // A data folder from before staff accounts were seeded: its clients stay, the staff are added.
            var completed = existing with { Staff = NewStaff() };
            PrivateFiles.WriteAllText(path, JsonSerializer.Serialize(completed, Indented));
            return (completed, true);
        }

        List<ClientCredential> clients =
        [
            new("secretariat-officer", Secret(), "officer", null),
            new("secretariat-auditor", Secret(), "auditor", null),
            .. DemoStates.Select(state => new ClientCredential($"state-{state.ToLowerInvariant()}", Secret(), "state", state)),
        ];
        var credentials = new StandaloneCredentials(clients, NewStaff());
        PrivateFiles.WriteAllText(path, JsonSerializer.Serialize(credentials, Indented));
        return (credentials, true);
    }

    public IEnumerable<KeyValuePair<string, string?>> AsSettings() => Clients.SelectMany((client, i) => new KeyValuePair<string, string?>[]
    {
        new($"Identity:Clients:{i}:ClientId", client.ClientId),
        new($"Identity:Clients:{i}:ClientSecret", client.ClientSecret),
        new($"Identity:Clients:{i}:Role", client.Role),
        new($"Identity:Clients:{i}:State", client.State),
    }).Concat((Staff ?? []).SelectMany((staff, i) => new KeyValuePair<string, string?>[]
    {
        // Identity creates these accounts at start when absent, and leaves them alone afterwards.
        new($"Identity:Staff:{i}:Email", staff.Email),
        new($"Identity:Staff:{i}:Role", staff.Role),
        new($"Identity:Staff:{i}:Password", staff.Password),
        new($"Identity:Staff:{i}:DisplayName", staff.DisplayName),
    }));

    static List<StaffCredential> NewStaff() =>
    [
        new("officer@secretariat.localhost", Password(), "officer", "Secretariat officer"),
        new("auditor@secretariat.localhost", Password(), "auditor", "Secretariat auditor"),
    ];

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>Random, with every character class Identity's password policy asks for.</summary>
    static string Password() => $"{Secret()}-aA1";

    // Records print every property; keep secrets out of any accidental log line.
    public override string ToString() => $"StandaloneCredentials {{ {Clients.Count} clients, {Staff?.Count ?? 0} staff accounts }}";
}

public sealed record ClientCredential(string ClientId, string ClientSecret, string Role, string? State);

/// <summary>A secretariat staff account seeded at first run (Identity:Staff).</summary>
public sealed record StaffCredential(string Email, string Password, string Role, string DisplayName)
{
    public override string ToString() => $"StaffCredential {{ Email = {Email}, Role = {Role} }}";
}

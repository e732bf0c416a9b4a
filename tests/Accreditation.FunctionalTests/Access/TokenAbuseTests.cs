using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegistrationV1 = Accreditation.Registration.V1;
using Accreditation.Identity.Data;

namespace Accreditation.FunctionalTests.Access;

/// <summary>
/// Tokens that must not pass: each is refused by the gateway and, called directly inside the
/// network, by the service itself. A well-formed token made the same way passes, so the refusals
/// are about the one thing each case changes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TokenAbuseTests(SystemFixture system)
{
    string Issuer => $"http://127.0.0.1:{system.System.Options.Ports.Identity}/";

    [Fact]
    public async Task A_token_signed_with_the_identity_key_and_right_claims_is_accepted()
    {
        foreach (var channel in Channels())
            await ListDialoguesAsync(channel, Token());
    }

    public static TheoryData<string> AbusedTokens => ["expired", "not yet valid", "wrong issuer", "wrong audience", "alg none", "foreign key", "tampered payload"];

    [Theory]
    [MemberData(nameof(AbusedTokens))]
    public async Task An_abused_token_is_unauthenticated_at_the_gateway_and_at_the_service(string abuse)
    {
        var token = abuse switch
        {
            "expired" => Token(notBefore: DateTime.UtcNow.AddMinutes(-20), expires: DateTime.UtcNow.AddMinutes(-5)),
            "not yet valid" => Token(notBefore: DateTime.UtcNow.AddMinutes(10)),
            "wrong issuer" => Token(issuer: "http://attacker.example/"),
            "wrong audience" => Token(audience: "another-api"),
            "alg none" => Unsigned(),
            "foreign key" => Token(key: ForeignKeyWithSameId()),
            "tampered payload" => Tampered(Token(role: "auditor")),
            _ => throw new ArgumentOutOfRangeException(nameof(abuse)),
        };
        foreach (var channel in Channels())
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ListDialoguesAsync(channel, token));
            Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_revoked_clients_earlier_token_is_unauthenticated_at_the_gateway_and_at_the_service()
    {
        var officer = SystemFixture.Bearer(await system.OfficerTokenAsync());
        var stateClients = new Accreditation.Identity.V1.StateClientService.StateClientServiceClient(system.Grpc);
        var created = await stateClients.CreateStateClientAsync(new() { StateCode = "NLD" }, officer);
        var token = (await system.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret)).Body.GetProperty("access_token").GetString()!;
        foreach (var channel in Channels())
            await ListDialoguesAsync(channel, token);

        await stateClients.RevokeStateClientAsync(new() { ClientId = created.Client.ClientId }, officer);

        foreach (var channel in Channels())
            await Identity.StateClientTests.RefusedEventuallyAsync(() => ListDialoguesAsync(channel, token), channel.Target);
    }

    IEnumerable<GrpcChannel> Channels() =>
        [system.Grpc, GrpcChannel.ForAddress($"http://127.0.0.1:{system.System.Options.Ports.Registration}")];

    static async Task ListDialoguesAsync(GrpcChannel channel, string token) =>
        await new RegistrationV1.DialogueService.DialogueServiceClient(channel)
            .ListDialoguesAsync(new RegistrationV1.ListDialoguesRequest(), SystemFixture.Bearer(token));

    RsaSecurityKey SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(system.DataDirectory, "identity-keys", "signing-key.pem")));
        return new RsaSecurityKey(rsa) { KeyId = Accreditation.Identity.Data.PemKeyStore.KeyId(rsa) };
    }

    RsaSecurityKey ForeignKeyWithSameId() => new(RSA.Create(2048)) { KeyId = SigningKey().KeyId };

    string Token(string? issuer = null, string audience = "accreditation", DateTime? expires = null, DateTime? notBefore = null,
        RsaSecurityKey? key = null, string role = "officer") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "secretariat-officer"), new Claim("role", role)]),
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? (notBefore ?? DateTime.UtcNow).AddMinutes(10),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? SigningKey(), SecurityAlgorithms.RsaSha256),
        });

    string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part("""{"alg":"none","typ":"at+jwt"}""")}.{Part($$"""{"iss":"{{Issuer}}","aud":"accreditation","sub":"secretariat-officer","role":"officer","exp":{{exp}}}""")}.";
    }

    /// <summary>A valid token whose payload was edited afterwards (the signature no longer matches).</summary>
    static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"auditor\"", "\"officer\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}

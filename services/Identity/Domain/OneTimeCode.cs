using System.Security.Cryptography;
using System.Text;

namespace Accreditation.Identity.Domain;

/// <summary>The random codes Identity e-mails (address confirmation, password reset), of which only a hash is stored.</summary>
public static class OneTimeCode
{
    /// <summary>192 random bits, URL-safe, so the e-mailed link carries it as it is.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Whether <paramref name="code"/> (as typed, trimmed) has the stored hash, in constant time.</summary>
    public static bool Matches(string? expectedHash, string code) =>
        expectedHash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(Hash(code.Trim())));
}

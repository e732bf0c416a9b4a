using System.Security.Cryptography;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>
/// An online representative's join code: the bearer of the link is let in, so the code is random
/// (128 bits), never derived from the representative.
/// </summary>
public sealed class JoinCode
{
    JoinCode() { }

    public string Code { get; private set; } = "";
    public Guid RepresentativeId { get; private set; }
    public Guid DialogueId { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Issued to a representative who attends online.</summary>
    public static JoinCode Issue(Representative representative, DateTimeOffset now)
    {
        if (representative.Status != RepresentativeStatus.Online)
            throw new RuleViolationException($"The representative is {representative.Status}; join links are for online representatives.",
                RegistrationReasons.JoinLinkForOnlineOnly, ("representative_status", representative.Status)) { Subject = $"representatives/{representative.Id}" };
        return new JoinCode
        {
            Code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            RepresentativeId = representative.Id,
            DialogueId = representative.DialogueId,
            IssuedAt = now,
        };
    }

    /// <summary>The link admits its representative until they are withdrawn; then it has lapsed.</summary>
    public void EnsureAdmits(Representative representative)
    {
        if (representative.Id != RepresentativeId)
            throw new InvalidOperationException("The join code was issued to another representative.");
        if (!representative.IsActive)
            throw new RuleViolationException($"The representative is {representative.Status}; the join link no longer admits anyone.",
                RegistrationReasons.JoinLinkLapsed, ("representative_status", representative.Status)) { Subject = $"representatives/{representative.Id}" };
    }

    /// <summary>Issues a code to every online representative that has none yet (<paramref name="issued"/>, by representative, gains them) and returns the new ones to store.</summary>
    public static IReadOnlyList<JoinCode> IssueMissing(IEnumerable<Representative> online, IDictionary<Guid, JoinCode> issued, DateTimeOffset now)
    {
        var added = new List<JoinCode>();
        foreach (var representative in online.Where(r => !issued.ContainsKey(r.Id)))
            added.Add(issued[representative.Id] = Issue(representative, now));
        return added;
    }

    /// <summary>What a caller typed: 32 hexadecimal digits, or nothing to look up.</summary>
    public static string Parse(string? code)
    {
        var text = code?.Trim().ToLowerInvariant() ?? "";
        if (text.Length == 0)
            throw new InvalidFieldException("join_code", "is required", CommonReasons.FieldRequired);
        if (text.Length != 32 || !text.All(Uri.IsHexDigit))
            throw new InvalidFieldException("join_code", "is not a join code this system issued", RegistrationReasons.JoinCodeInvalid);
        return text;
    }
}

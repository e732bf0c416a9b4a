using System.Globalization;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>
/// The recorded decision of the Bureau or Conference on a Referred application (the REFER
/// practice): which body, when, the votes and the document that records it.
/// </summary>
public sealed record ReferralDecision(bool Admitted, string Body, DateOnly DecidedOn, int VotesFor, int VotesAgainst, int Abstentions, string DocumentSymbol)
{
    public static ReferralDecision Create(bool admitted, string body, DateOnly decidedOn, int votesFor, int votesAgainst, int abstentions, string documentSymbol)
    {
        if (votesFor < 0 || votesAgainst < 0 || abstentions < 0)
            throw new InvalidFieldException("votes_for", "vote counts must not be negative", RegistrationReasons.VotesNegative);
        return new ReferralDecision(admitted, body, decidedOn, votesFor, votesAgainst, abstentions, documentSymbol);
    }

    /// <summary>The history's English text, e.g. "Bureau, 2026-06-01: admitted (57 in favour, 7 against, 3 abstaining), CTOC/COP/2026/L.3".</summary>
    public string Record =>
        $"{Body}, {DecidedOn:yyyy-MM-dd}: {(Admitted ? "admitted" : "not admitted")} " +
        $"({VotesFor} in favour, {VotesAgainst} against, {Abstentions} abstaining), {DocumentSymbol}";

    /// <summary>The history reason's code and values, for the portal to word it (the body and symbol as written).</summary>
    public ServiceReason Reason => new(Admitted ? HistoryReasons.ReferralAdmitted : HistoryReasons.ReferralNotAdmitted,
        ("body_text", Body), ("decided_on", DecidedOn),
        ("votes_for", VotesFor), ("votes_against", VotesAgainst), ("abstentions", Abstentions), ("document_symbol_text", DocumentSymbol));

    /// <summary>What the ledger keeps of the decision.</summary>
    public IReadOnlyDictionary<string, string> LedgerDetails => new Dictionary<string, string>
    {
        ["body"] = Body,
        ["decidedOn"] = DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["outcome"] = Admitted ? "Admitted" : "NotAdmitted",
        ["votesFor"] = VotesFor.ToString(CultureInfo.InvariantCulture),
        ["votesAgainst"] = VotesAgainst.ToString(CultureInfo.InvariantCulture),
        ["abstentions"] = Abstentions.ToString(CultureInfo.InvariantCulture),
        ["documentSymbol"] = DocumentSymbol,
    };
}

using Accreditation.Registration.V1;

namespace Accreditation.Portal.Pages.Secretariat.Ledger;

/// <summary>
/// The ledger's codes as an auditor reads them: the English wording, which the views look up in
/// their own resources (an unknown code shows as itself).
/// </summary>
public static class LedgerWords
{
    public static string Kind(string kind) => kind switch
    {
        "transition" => "Change of state",
        "referral-decision" => "Decision on a referral",
        "objection-filed" => "Objection filed",
        "objection-withdrawn" => "Objection withdrawn",
        "window-closed" => "Objection window closed",
        "reply" => "Reply to an objection",
        "purge" => "Personal data erased",
        "profile-changed" => "Organization profile changed",
        _ => kind,
    };

    /// <summary>The role an entry's actor acted in, as the token named it; "system" is the service itself, at a deadline.</summary>
    public static string Role(string role) => role switch
    {
        "organization" => "a member of the organization",
        "officer" => "a secretariat officer",
        "auditor" => "a secretariat auditor",
        "state" => "a State party",
        "system" => "the system, at a deadline",
        _ => role,
    };

    /// <summary>An application state as the ledger names it ("InformationRequested"), as the portal names it.</summary>
    public static ApplicationState? State(string name) =>
        Enum.TryParse<ApplicationState>(name, ignoreCase: false, out var state) ? state : null;

    public static string Problem(VerificationProblem problem) => problem switch
    {
        VerificationProblem.Unspecified => "The ledger is intact.",
        VerificationProblem.HashMismatch => "An entry does not match its own hash: its content was changed after it was written.",
        VerificationProblem.MissingEntry => "An entry is missing from the sequence.",
        VerificationProblem.OutOfOrder => "The entries are out of order.",
        VerificationProblem.ChainBroken => "An entry does not name the hash of the entry before it: the chain is broken.",
        VerificationProblem.CheckpointMismatch => "A published checkpoint does not match the entry at its count: entries were rewritten after it.",
        VerificationProblem.Truncated => "The ledger holds fewer entries than a signed head held outside it: entries were removed.",
        VerificationProblem.InconsistentWithWitness => "The ledger's first entries do not give the root of a signed head held outside it: the ledger was rewritten or forked.",
        _ => problem.ToString(),
    };
}

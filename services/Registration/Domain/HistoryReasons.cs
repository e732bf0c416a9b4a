namespace Accreditation.Registration.Domain;

/// <summary>
/// Codes of the history reasons the service writes itself (a person's reason has none), sent
/// beside the English text as StatusChange.reason_code with the varying values as
/// reason_metadata, so the portal can say them in the reader's language.
/// </summary>
public static class HistoryReasons
{
    public const string ApplicationSubmitted = "APPLICATION_SUBMITTED";
    public const string FoundEligible = "FOUND_ELIGIBLE";
    /// <summary>Metadata answer_by_at.</summary>
    public const string InformationNotProvided = "INFORMATION_NOT_PROVIDED";
    /// <summary>Metadata deadline_at.</summary>
    public const string Circulated = "CIRCULATED";
    public const string AdmittedWithoutCirculation = "ADMITTED_WITHOUT_CIRCULATION";
    public const string NoObjectionStood = "NO_OBJECTION_STOOD";
    public const string ObjectionStoodExcluded = "OBJECTION_STOOD_EXCLUDED";
    public const string ObjectionStoodReferred = "OBJECTION_STOOD_REFERRED";
    /// <summary>Metadata fields (the profile's field names, comma-separated).</summary>
    public const string ProfileChanged = "PROFILE_CHANGED";
    /// <summary>What an organization that is not told of objections reads of a referral at the window's close.</summary>
    public const string ReferredAtClose = "REFERRED_AT_CLOSE";
    /// <summary>What an organization that is not told of objections reads of a decision at the window's close.</summary>
    public const string DecidedAtClose = "DECIDED_AT_CLOSE";
    /// <summary>The organization withdrew without giving a reason.</summary>
    public const string WithdrawnByOrganization = "WITHDRAWN_BY_ORGANIZATION";
    /// <summary>A referral decision admitted. Metadata body_text, decided_on, votes_for, votes_against, abstentions, document_symbol_text.</summary>
    public const string ReferralAdmitted = "REFERRAL_ADMITTED";
    /// <summary>A referral decision did not admit; metadata as <see cref="ReferralAdmitted"/>.</summary>
    public const string ReferralNotAdmitted = "REFERRAL_NOT_ADMITTED";
}

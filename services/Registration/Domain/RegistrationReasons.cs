using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>
/// The ErrorInfo reasons Registration's refusals carry (domain accreditation.registration); the
/// portal words each. Metadata named *_at are instants (ISO 8601 UTC), *_on days (yyyy-MM-dd),
/// state and to_state application states by name.
/// </summary>
[ErrorReasons]
public static class RegistrationReasons
{
    public const string OrganizationNotFound = "ORGANIZATION_NOT_FOUND";
    public const string DialogueNotFound = "DIALOGUE_NOT_FOUND";
    public const string ApplicationNotFound = "APPLICATION_NOT_FOUND";
    public const string InvitationNotFound = "INVITATION_NOT_FOUND";
    public const string InvitationCodeUnknown = "INVITATION_CODE_UNKNOWN";
    public const string CommentNotFound = "COMMENT_NOT_FOUND";
    public const string RepresentativeNotFound = "REPRESENTATIVE_NOT_FOUND";
    public const string LedgerEntryNotFound = "LEDGER_ENTRY_NOT_FOUND";

    // Organizations and their members.
    /// <summary>Metadata organization_id.</summary>
    public const string NotAMember = "NOT_A_MEMBER";
    /// <summary>Metadata organization_id.</summary>
    public const string AlreadyAMember = "ALREADY_A_MEMBER";
    /// <summary>Metadata value.</summary>
    public const string CountryInvalid = "COUNTRY_INVALID";
    public const string WebsiteInvalid = "WEBSITE_INVALID";
    /// <summary>Metadata max_areas, max_length.</summary>
    public const string AreasOfWorkInvalid = "AREAS_OF_WORK_INVALID";

    // Invitations.
    public const string InvitationForAnotherAddress = "INVITATION_FOR_ANOTHER_ADDRESS";
    /// <summary>Metadata accepted_at.</summary>
    public const string InvitationAlreadyAccepted = "INVITATION_ALREADY_ACCEPTED";
    /// <summary>Metadata cancelled_at.</summary>
    public const string InvitationCancelled = "INVITATION_CANCELLED";
    /// <summary>Metadata expired_at.</summary>
    public const string InvitationExpired = "INVITATION_EXPIRED";
    /// <summary>Metadata invitation_state (Accepted, Cancelled, Expired).</summary>
    public const string InvitationNotPending = "INVITATION_NOT_PENDING";
    /// <summary>Metadata limit.</summary>
    public const string OpenInvitationsQuotaSpent = "OPEN_INVITATIONS_QUOTA_SPENT";

    // Dialogues.
    /// <summary>Metadata opens_at, closes_at, now_at.</summary>
    public const string RegistrationNotYetOpen = "REGISTRATION_NOT_YET_OPEN";
    /// <summary>Metadata opens_at, closes_at, now_at.</summary>
    public const string RegistrationClosed = "REGISTRATION_CLOSED";
    /// <summary>Metadata closes_at, field: a field that would change outcomes once registration has closed.</summary>
    public const string DialogueFieldLocked = "DIALOGUE_FIELD_LOCKED";
    /// <summary>Metadata date_on.</summary>
    public const string DialogueHeld = "DIALOGUE_HELD";
    /// <summary>Metadata date_on.</summary>
    public const string DialogueNotYetHeld = "DIALOGUE_NOT_YET_HELD";
    public const string RegistrationClosesBeforeOpening = "REGISTRATION_CLOSES_BEFORE_OPENING";
    public const string RegistrationClosesAfterDialogue = "REGISTRATION_CLOSES_AFTER_DIALOGUE";

    // Applications.
    /// <summary>Metadata organization_id, dialogue_id.</summary>
    public const string AlreadyApplied = "ALREADY_APPLIED";
    public const string IneligibleReasonRequired = "INELIGIBLE_REASON_REQUIRED";
    /// <summary>Metadata answer_by_at.</summary>
    public const string InformationRequestLapsed = "INFORMATION_REQUEST_LAPSED";
    /// <summary>Metadata state, answer_by_at, now_at.</summary>
    public const string CannotLapse = "CANNOT_LAPSE";
    /// <summary>Metadata state, to_state.</summary>
    public const string TransitionNotAllowed = "TRANSITION_NOT_ALLOWED";
    /// <summary>Metadata state.</summary>
    public const string NotReferred = "NOT_REFERRED";
    /// <summary>Metadata state.</summary>
    public const string HistoryClosed = "HISTORY_CLOSED";
    public const string NoEligibleApplication = "NO_ELIGIBLE_APPLICATION";
    public const string VotesNegative = "VOTES_NEGATIVE";
    /// <summary>Metadata state.</summary>
    public const string ReplyNeedsReferral = "REPLY_NEEDS_REFERRAL";
    public const string ReplyAlreadyGiven = "REPLY_ALREADY_GIVEN";

    // Delegations.
    public const string FullNameRequired = "FULL_NAME_REQUIRED";
    /// <summary>Metadata state.</summary>
    public const string NominationNeedsAdmission = "NOMINATION_NEEDS_ADMISSION";
    /// <summary>Metadata limit, active.</summary>
    public const string RepresentativesQuotaReached = "REPRESENTATIVES_QUOTA_REACHED";
    /// <summary>Metadata representative_status.</summary>
    public const string NotOnWaitingList = "NOT_ON_WAITING_LIST";
    /// <summary>Metadata representative_status.</summary>
    public const string RepresentativeNotActive = "REPRESENTATIVE_NOT_ACTIVE";
    /// <summary>Metadata purged_at.</summary>
    public const string RepresentativePurged = "REPRESENTATIVE_PURGED";

    // Written comments.
    /// <summary>Metadata state.</summary>
    public const string CommentNeedsAdmission = "COMMENT_NEEDS_ADMISSION";
    /// <summary>Metadata published_at.</summary>
    public const string CommentAlreadyPublished = "COMMENT_ALREADY_PUBLISHED";
    /// <summary>Metadata max_bytes, size.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string DocumentNotPdf = "DOCUMENT_NOT_PDF";
    /// <summary>Metadata limit, submitted.</summary>
    public const string CommentsQuotaSpent = "COMMENTS_QUOTA_SPENT";
    /// <summary>Metadata limit, used, needed (bytes).</summary>
    public const string CommentStorageQuotaSpent = "COMMENT_STORAGE_QUOTA_SPENT";

    // The ledger.
    /// <summary>Metadata sequence, state_code.</summary>
    public const string LedgerEntryNotOwnObjection = "LEDGER_ENTRY_NOT_OWN_OBJECTION";
    /// <summary>Metadata sequence.</summary>
    public const string LedgerEntryNotOwn = "LEDGER_ENTRY_NOT_OWN";
    /// <summary>Metadata role.</summary>
    public const string RoleHasNoLedgerEntries = "ROLE_HAS_NO_LEDGER_ENTRIES";
    public const string CheckpointInvalid = "CHECKPOINT_INVALID";
    /// <summary>Metadata problem.</summary>
    public const string TreeHeadNotSigned = "TREE_HEAD_NOT_SIGNED";
    /// <summary>Metadata other_field.</summary>
    public const string FieldsGoTogether = "FIELDS_GO_TOGETHER";
    public const string LedgerEntryNotNamed = "LEDGER_ENTRY_NOT_NAMED";
    /// <summary>Metadata sequence, tree_size.</summary>
    public const string EntryNotInTree = "ENTRY_NOT_IN_TREE";
    /// <summary>Metadata size, requested.</summary>
    public const string LogTooSmall = "LOG_TOO_SMALL";
    /// <summary>Metadata second_size.</summary>
    public const string FirstSizeExceedsSecond = "FIRST_SIZE_EXCEEDS_SECOND";
}

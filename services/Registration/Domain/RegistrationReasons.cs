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

    // The dialogue programme: agenda, documents, panels, speakers, attendance.
    public const string AgendaItemNotFound = "AGENDA_ITEM_NOT_FOUND";
    public const string MeetingDocumentNotFound = "MEETING_DOCUMENT_NOT_FOUND";
    public const string PanellistNotFound = "PANELLIST_NOT_FOUND";
    public const string FloorRequestNotFound = "FLOOR_REQUEST_NOT_FOUND";
    /// <summary>A published statement or comment of a dialogue held.</summary>
    public const string PublicDocumentNotFound = "PUBLIC_DOCUMENT_NOT_FOUND";
    public const string JoinLinkUnknown = "JOIN_LINK_UNKNOWN";
    public const string JoinCodeInvalid = "JOIN_CODE_INVALID";
    /// <summary>Metadata number.</summary>
    public const string AgendaItemNumberTaken = "AGENDA_ITEM_NUMBER_TAKEN";
    /// <summary>Metadata number, panellists, floor_requests.</summary>
    public const string AgendaItemInUse = "AGENDA_ITEM_IN_USE";
    /// <summary>Metadata number, agenda_item_kind.</summary>
    public const string NotAPanelItem = "NOT_A_PANEL_ITEM";
    public const string AgendaItemOfAnotherDialogue = "AGENDA_ITEM_OF_ANOTHER_DIALOGUE";
    /// <summary>Metadata symbol.</summary>
    public const string MeetingDocumentSymbolTaken = "MEETING_DOCUMENT_SYMBOL_TAKEN";
    /// <summary>Metadata min, max.</summary>
    public const string WorkingGroupsCountInvalid = "WORKING_GROUPS_COUNT_INVALID";
    public const string WorkingGroupSessionTwice = "WORKING_GROUP_SESSION_TWICE";
    /// <summary>Metadata max.</summary>
    public const string TooManyChairs = "TOO_MANY_CHAIRS";
    public const string OneChairOnly = "ONE_CHAIR_ONLY";
    public const string MeetingUrlInvalid = "MEETING_URL_INVALID";
    public const string ApplicationOfAnotherDialogue = "APPLICATION_OF_ANOTHER_DIALOGUE";
    public const string RepresentativeOfAnotherApplication = "REPRESENTATIVE_OF_ANOTHER_APPLICATION";
    public const string RepresentativeOfAnotherDialogue = "REPRESENTATIVE_OF_ANOTHER_DIALOGUE";
    /// <summary>Metadata number.</summary>
    public const string AlreadyOnPanel = "ALREADY_ON_PANEL";
    /// <summary>Metadata state.</summary>
    public const string PanelNeedsAdmission = "PANEL_NEEDS_ADMISSION";
    /// <summary>Metadata panellist_status, answered_at.</summary>
    public const string PanelInvitationAnswered = "PANEL_INVITATION_ANSWERED";
    /// <summary>Metadata date_on.</summary>
    public const string PanelInvitationsClosed = "PANEL_INVITATIONS_CLOSED";
    /// <summary>Metadata state.</summary>
    public const string FloorNeedsAdmission = "FLOOR_NEEDS_ADMISSION";
    /// <summary>Metadata max.</summary>
    public const string TooManyOnBehalf = "TOO_MANY_ON_BEHALF";
    public const string OnBehalfTwice = "ON_BEHALF_TWICE";
    public const string OnBehalfOfItself = "ON_BEHALF_OF_ITSELF";
    /// <summary>Metadata organization_id.</summary>
    public const string OnBehalfNotAdmitted = "ON_BEHALF_NOT_ADMITTED";
    /// <summary>Metadata dialogue_id.</summary>
    public const string NoOrganizationAdmitted = "NO_ORGANIZATION_ADMITTED";
    /// <summary>Metadata date_on.</summary>
    public const string SpeakersListClosed = "SPEAKERS_LIST_CLOSED";
    /// <summary>Metadata date_on.</summary>
    public const string NobodySpokeYet = "NOBODY_SPOKE_YET";
    /// <summary>Metadata floor_request_status, expected_status.</summary>
    public const string FloorRequestStatusRefuses = "FLOOR_REQUEST_STATUS_REFUSES";
    /// <summary>Metadata open_count.</summary>
    public const string SpeakingOrderIncomplete = "SPEAKING_ORDER_INCOMPLETE";
    public const string FloorRequestWithdrawn = "FLOOR_REQUEST_WITHDRAWN";
    public const string StatementRequired = "STATEMENT_REQUIRED";
    public const string NoStatementYet = "NO_STATEMENT_YET";
    /// <summary>Metadata published_at.</summary>
    public const string StatementPublished = "STATEMENT_PUBLISHED";
    /// <summary>Metadata published_at.</summary>
    public const string StatementAlreadyPublished = "STATEMENT_ALREADY_PUBLISHED";
    /// <summary>Metadata date_on.</summary>
    public const string StatementsAfterDialogue = "STATEMENTS_AFTER_DIALOGUE";
    /// <summary>Metadata date_on, now_at.</summary>
    public const string NotTheDialogueDay = "NOT_THE_DIALOGUE_DAY";
    /// <summary>Metadata representative_status.</summary>
    public const string JoinLinkForOnlineOnly = "JOIN_LINK_FOR_ONLINE_ONLY";
    /// <summary>Metadata representative_status.</summary>
    public const string JoinLinkLapsed = "JOIN_LINK_LAPSED";
}

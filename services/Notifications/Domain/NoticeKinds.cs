namespace Accreditation.Notifications.Domain;

/// <summary>Every kind of notice; each has a template per language (Templates/{lang}/{kind}.txt).</summary>
public static class NoticeKinds
{
    public const string ApplicationReceived = "application-received";
    public const string ApplicationAwaitingScreening = "application-awaiting-screening";
    public const string ApplicationEligible = "application-eligible";
    public const string ApplicationIneligible = "application-ineligible";
    public const string InformationRequested = "information-requested";
    public const string ApplicationCirculated = "application-circulated";
    public const string CirculationNote = "circulation-note";
    public const string ObjectionFiled = "objection-filed";
    public const string ObjectionReceipt = "objection-receipt";
    public const string ObjectionWithdrawn = "objection-withdrawn";
    public const string ObjectionWithdrawalReceipt = "objection-withdrawal-receipt";
    public const string ObjectionWindowClosed = "objection-window-closed";
    public const string ApplicationAdmitted = "application-admitted";
    public const string ApplicationNotAdmitted = "application-not-admitted";
    public const string ApplicationReferred = "application-referred";
    public const string ApplicationDecided = "application-decided";
    public const string WithdrawalConfirmed = "withdrawal-confirmed";
    public const string ApplicationWithdrawn = "application-withdrawn";
    public const string ObjectionDeadlineReminder = "objection-deadline-reminder";
    public const string ScreeningDigest = "screening-digest";
    public const string RepresentativeMovedUp = "representative-moved-up";
    public const string ObjectionRaised = "objection-raised";
    public const string ApplicationLapsed = "application-lapsed";
    /// <summary>To the secretariat: the organization replied to the objection against its Referred application.</summary>
    public const string ObjectionReplyReceived = "objection-reply-received";
    public const string CommentPublished = "comment-published";
    /// <summary>To the organization: who it nominated stands in person, online or on the waiting list.</summary>
    public const string RepresentativeNominated = "representative-nominated";
    /// <summary>To the organization: one of its representatives is invited to a dialogue's panel; its members answer in the portal.</summary>
    public const string PanelInvitation = "panel-invitation";
    public const string EmailConfirmation = "email-confirmation";
    public const string MemberInvitation = "member-invitation";
    public const string AccountExists = "account-exists";
    /// <summary>The one-time code that sets a new password.</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>A State party's new user is welcomed, with the one-time code that sets its first password.</summary>
    public const string StateUserInvited = "state-user-invited";
    /// <summary>To the secretariat (the auditors): the ledger's witness refused a head (the log shrank or forked).</summary>
    public const string LedgerInconsistent = "ledger-inconsistent";
    /// <summary>E-mailed to the auditors' addresses: a head the witness accepted, to keep outside the system.</summary>
    public const string LedgerTreeHead = "ledger-tree-head";

    public static IReadOnlyList<string> All { get; } =
    [
        ApplicationReceived, ApplicationAwaitingScreening, ApplicationEligible, ApplicationIneligible,
        InformationRequested, ApplicationCirculated, CirculationNote, ObjectionFiled, ObjectionReceipt,
        ObjectionWithdrawn, ObjectionWithdrawalReceipt, ObjectionWindowClosed, ApplicationAdmitted,
        ApplicationNotAdmitted, ApplicationReferred, ApplicationDecided, WithdrawalConfirmed, ApplicationWithdrawn,
        ObjectionDeadlineReminder, ScreeningDigest, RepresentativeMovedUp, ObjectionRaised,
        ApplicationLapsed, ObjectionReplyReceived, CommentPublished, RepresentativeNominated, PanelInvitation,
        EmailConfirmation, MemberInvitation, AccountExists, PasswordReset, StateUserInvited, LedgerInconsistent, LedgerTreeHead,
    ];

    /// <summary>E-mails to one person about its account, written by their own handlers rather than the notice planner; no inbox shows them.</summary>
    public static IReadOnlyList<string> AccountEmails { get; } = [EmailConfirmation, MemberInvitation, AccountExists, PasswordReset, StateUserInvited];

    /// <summary>Written by the ledger witness, not the notice planner.</summary>
    public static IReadOnlyList<string> LedgerWitness { get; } = [LedgerInconsistent, LedgerTreeHead];
}

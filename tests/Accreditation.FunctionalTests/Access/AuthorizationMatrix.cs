using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static Accreditation.FunctionalTests.Access.Role;
using AccountsV1 = Accreditation.Identity.V1;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Access;

public enum Outcome { Allowed, Unauthenticated, Denied, Hidden }

/// <summary>One RPC's row: the request a cell sends (for objects on side A or B) and what each role must get.</summary>
/// <param name="CarriesUnknownSecret">
/// The request is well formed but holds a secret only an e-mail carries (a confirmation or
/// invitation code), so an allowed call meets its rules as INVALID_ARGUMENT.
/// </param>
public sealed record MatrixRow(Func<MatrixWorld, Side, IMessage> Request, Func<Role, Side, Outcome> Expect, bool CarriesUnknownSecret = false);

/// <summary>
/// DESIGN.md section 7 as a table: every public RPC, what every role may do with its own and with
/// others' objects. Allowed means the call passed authentication and authorization (it may still
/// fail on the object's state); Denied is PERMISSION_DENIED; Hidden is NOT_FOUND where existence
/// itself is confidential.
/// </summary>
public static partial class AuthorizationMatrix
{
    /// <summary>A further row of an RPC ("Service/Method#what"): the same call on other objects, with its own expectations.</summary>
    public const string Variant = "#";

    /// <summary>The RPC's rows: its own and its variants.</summary>
    public static IEnumerable<MatrixRow> RowsOf(string method) =>
        Rows.Where(r => r.Key == method || r.Key.StartsWith(method + Variant, StringComparison.Ordinal)).Select(r => r.Value);

    static readonly DateTimeOffset Future = DateTimeOffset.UtcNow.AddYears(2);

    static Func<Role, Side, Outcome> Anyone => (role, _) => role == Anonymous ? Outcome.Unauthenticated : Outcome.Allowed;

    static Func<Role, Side, Outcome> Only(params Role[] roles) =>
        (role, _) => role == Anonymous ? Outcome.Unauthenticated : roles.Contains(role) ? Outcome.Allowed : Outcome.Denied;

    /// <summary>The organization's own members; with <paramref name="secretariat"/>, officers and auditors too.</summary>
    static Func<Role, Side, Outcome> Organization(bool secretariat) => (role, side) => role switch
    {
        Anonymous => Outcome.Unauthenticated,
        OrganizationA or OrganizationB => MatrixWorld.Own(role) == side ? Outcome.Allowed : Outcome.Denied,
        Officer or Auditor when secretariat => Outcome.Allowed,
        _ => Outcome.Denied,
    };

    static readonly Func<Role, Side, Outcome> Officers = Only(Officer);
    static readonly Func<Role, Side, Outcome> Readers = Only(Officer, Auditor);
    static readonly Func<Role, Side, Outcome> StatesAndSecretariat = Only(StateX, StateY, Officer, Auditor);

    public static readonly IReadOnlyDictionary<string, MatrixRow> Rows = new Dictionary<string, MatrixRow>(ProgrammeRows())
    {
        ["accreditation.registration.v1.DialogueService/CreateDialogue"] = new((_, _) => new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Firearms", Session = "tenth session", Venue = "Vienna",
            Date = Future.AddDays(30).ToString("yyyy-MM-dd"), RegistrationClosesAt = Timestamp.FromDateTimeOffset(Future),
            ObjectionPeriodDays = 14, InPersonCapacity = 10,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude, RepresentativesPerOrganization = 2,
            },
        }, Officers),
        ["accreditation.registration.v1.DialogueService/GetDialogue"] = new((w, _) => new RegistrationV1.GetDialogueRequest { DialogueId = w.DialogueId }, Anyone),
        ["accreditation.registration.v1.DialogueService/ListDialogues"] = new((_, _) => new RegistrationV1.ListDialoguesRequest(), Anyone),

        ["accreditation.registration.v1.OrganizationService/CreateOrganization"] = new((_, _) => new RegistrationV1.CreateOrganizationRequest
        {
            Name = "Matrix Newcomers", Category = RegistrationV1.StakeholderCategory.Other, Country = "KEN", EcosocStatus = RegistrationV1.EcosocStatus.None,
        }, Only(OrganizationA, OrganizationB)),
        ["accreditation.registration.v1.OrganizationService/GetOrganization"] = new((w, s) => new RegistrationV1.GetOrganizationRequest { OrganizationId = w.Organizations[s] }, Organization(secretariat: true)),
        ["accreditation.registration.v1.OrganizationService/ListOrganizations"] = new((_, _) => new RegistrationV1.ListOrganizationsRequest(), Only(OrganizationA, OrganizationB, Officer, Auditor)),

        ["accreditation.registration.v1.InvitationService/InviteMember"] = new((w, s) => new RegistrationV1.InviteMemberRequest
        {
            OrganizationId = w.Organizations[s], Email = $"colleague-{Guid.NewGuid():N}@example.org",
        }, Organization(secretariat: false)),
        // The matrix cannot read the e-mailed code: an organization user finds no invitation with this one.
        ["accreditation.registration.v1.InvitationService/AcceptInvitation"] = new((_, _) => new RegistrationV1.AcceptInvitationRequest { Code = "not-an-e-mailed-code" },
            (role, _) => role switch
            {
                Anonymous => Outcome.Unauthenticated,
                OrganizationA or OrganizationB => Outcome.Hidden,
                _ => Outcome.Denied,
            }),

        ["accreditation.registration.v1.ApplicationService/SubmitApplication"] = new((w, s) => new RegistrationV1.SubmitApplicationRequest { OrganizationId = w.Organizations[s], DialogueId = w.SecondDialogueId }, Organization(secretariat: false)),
        ["accreditation.registration.v1.ApplicationService/GetApplication"] = new((w, s) => new RegistrationV1.GetApplicationRequest { ApplicationId = w.Applications[s] }, Organization(secretariat: true)),
        ["accreditation.registration.v1.ApplicationService/ListApplications"] = new((_, _) => new RegistrationV1.ListApplicationsRequest(), Only(OrganizationA, OrganizationB, Officer, Auditor)),
        ["accreditation.registration.v1.ApplicationService/GetApplicationHistory"] = new((w, s) => new RegistrationV1.GetApplicationHistoryRequest { ApplicationId = w.Applications[s] }, Organization(secretariat: true)),
        ["accreditation.registration.v1.ApplicationService/AnswerInformationRequest"] = new((w, s) => new RegistrationV1.AnswerInformationRequestRequest { ApplicationId = w.Applications[s], Answer = "Here it is." }, Organization(secretariat: false)),
        ["accreditation.registration.v1.ApplicationService/WithdrawApplication"] = new((w, s) => new RegistrationV1.WithdrawApplicationRequest { ApplicationId = w.Withdrawable[s] }, Organization(secretariat: false)),

        ["accreditation.registration.v1.SecretariatService/ScreenApplication"] = new((w, s) => new RegistrationV1.ScreenApplicationRequest { ApplicationId = w.Applications[s], Outcome = RegistrationV1.ScreeningOutcome.Eligible }, Officers),
        ["accreditation.registration.v1.SecretariatService/RequestInformation"] = new((w, s) => new RegistrationV1.RequestInformationRequest
        {
            ApplicationId = w.Applications[s], Question = "Statutes?", AnswerBy = Timestamp.FromDateTimeOffset(Future),
        }, Officers),
        ["accreditation.registration.v1.SecretariatService/CirculateApplications"] = new((w, _) => new RegistrationV1.CirculateApplicationsRequest { DialogueId = w.DialogueId }, Officers),
        ["accreditation.registration.v1.SecretariatService/RecordReferralDecision"] = new((w, s) => new RegistrationV1.RecordReferralDecisionRequest
        {
            ApplicationId = w.Applications[s], Outcome = RegistrationV1.ReferralOutcome.Admitted, Body = "Bureau", DecidedOn = "2026-01-01", DocumentSymbol = "CTOC/COP/2026/1",
        }, Officers),
        // Organizations keep their own list (ListApplications); the queue is the secretariat's.
        ["accreditation.registration.v1.SecretariatService/ListScreeningQueue"] = new((w, _) => new RegistrationV1.ListScreeningQueueRequest { DialogueId = w.SecondDialogueId }, Readers),
        // Live figures could tell an organization that an objection was raised against it: the secretariat reads and publishes them.
        ["accreditation.registration.v1.SecretariatService/GetDialogueStatistics"] = new((w, _) => new RegistrationV1.GetDialogueStatisticsRequest { DialogueId = w.DialogueId }, Readers),

        ["accreditation.registration.v1.LedgerService/ListLedgerEntries"] = new((_, _) => new RegistrationV1.ListLedgerEntriesRequest(), Readers),
        ["accreditation.registration.v1.LedgerService/ExportLedger"] = new((_, _) => new RegistrationV1.ExportLedgerRequest { Format = RegistrationV1.ExportFormat.Json }, Readers),
        ["accreditation.registration.v1.LedgerService/VerifyLedger"] = new((_, _) => new RegistrationV1.VerifyLedgerRequest(), Readers),
        ["accreditation.registration.v1.LedgerService/CheckpointLedger"] = new((_, _) => new RegistrationV1.CheckpointLedgerRequest(), Readers),
        // Heads, keys and consistency proofs are hashes only: anyone signed in (the witness calls the service itself).
        ["accreditation.registration.v1.LedgerService/GetTreeHead"] = new((_, _) => new RegistrationV1.GetTreeHeadRequest(), Anyone),
        ["accreditation.registration.v1.LedgerService/GetConsistencyProof"] = new((_, _) => new RegistrationV1.GetConsistencyProofRequest { FirstSize = 1 }, Anyone),
        ["accreditation.registration.v1.LedgerService/GetLedgerKeys"] = new((_, _) => new RegistrationV1.GetLedgerKeysRequest(), Anyone),
        // An objection's entry names the State: that State and the secretariat prove it, nobody else.
        ["accreditation.registration.v1.LedgerService/GetInclusionProof"] = new((w, s) => new RegistrationV1.GetInclusionProofRequest { ObjectionId = w.Objections[s] }, (role, side) => role switch
        {
            Anonymous => Outcome.Unauthenticated,
            Officer or Auditor => Outcome.Allowed,
            StateX or StateY when MatrixWorld.Own(role) == side => Outcome.Allowed,
            _ => Outcome.Denied,
        }),
        // The admission of an organization's application: its members and the secretariat prove it.
        ["accreditation.registration.v1.LedgerService/GetInclusionProof" + AuthorizationMatrix.Variant + "admission"] = new((w, s) => new RegistrationV1.GetInclusionProofRequest
        {
            ApplicationId = w.AdmittedApplications[s], StateAfter = "Admitted",
        }, Organization(secretariat: true)),

        ["accreditation.registration.v1.RepresentativeService/NominateRepresentative"] = new((w, s) => new RegistrationV1.NominateRepresentativeRequest
        {
            ApplicationId = w.AdmittedApplications[s], FullName = "Matrix Nominee", Email = "nominee@example.org", Mode = RegistrationV1.AttendanceMode.Online,
        }, Organization(secretariat: false)),
        // Representatives' personal data: never for States parties.
        ["accreditation.registration.v1.RepresentativeService/ListRepresentatives"] = new((w, s) => new RegistrationV1.ListRepresentativesRequest { ApplicationId = w.AdmittedApplications[s] }, Organization(secretariat: true)),
        ["accreditation.registration.v1.RepresentativeService/ChangeRepresentativeMode"] = new((w, s) => new RegistrationV1.ChangeRepresentativeModeRequest
        {
            RepresentativeId = w.Representatives[s], Mode = RegistrationV1.AttendanceMode.Online,
        }, Organization(secretariat: false)),
        // The organization withdraws its own; an officer may remove anyone's.
        ["accreditation.registration.v1.RepresentativeService/WithdrawRepresentative"] = new((w, s) => new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = w.Representatives[s] }, (role, side) => role switch
        {
            Officer => Outcome.Allowed,
            _ => Organization(secretariat: false)(role, side),
        }),
        ["accreditation.registration.v1.RepresentativeService/GetParticipantList"] = new((w, _) => new RegistrationV1.GetParticipantListRequest { DialogueId = w.AdmittedDialogueId }, Readers),
        ["accreditation.registration.v1.RepresentativeService/PurgeRepresentatives"] = new((w, _) => new RegistrationV1.PurgeRepresentativesRequest { DialogueId = w.AdmittedDialogueId }, Officers),

        ["accreditation.registration.v1.ObjectionReplyService/SubmitObjectionReply"] = new((w, s) => new RegistrationV1.SubmitObjectionReplyRequest { ApplicationId = w.Applications[s], Text = "Our reply." }, Organization(secretariat: false)),
        ["accreditation.registration.v1.ObjectionReplyService/GetObjectionReply"] = new((w, s) => new RegistrationV1.GetObjectionReplyRequest { ApplicationId = w.Applications[s] }, Organization(secretariat: true)),

        ["accreditation.registration.v1.CommentService/SubmitComment"] = new((w, s) => new RegistrationV1.SubmitCommentRequest { ApplicationId = w.AdmittedApplications[s], Text = "Another comment." }, Organization(secretariat: false)),
        ["accreditation.registration.v1.CommentService/PublishComment"] = new((w, s) => new RegistrationV1.PublishCommentRequest { CommentId = w.PublishableComments[s] }, Officers),
        // Unpublished, a comment exists only for its organization and the secretariat.
        ["accreditation.registration.v1.CommentService/GetComment"] = new((w, s) => new RegistrationV1.GetCommentRequest { CommentId = w.Comments[s] }, (role, side) => role switch
        {
            Anonymous => Outcome.Unauthenticated,
            Officer or Auditor => Outcome.Allowed,
            OrganizationA or OrganizationB when MatrixWorld.Own(role) == side => Outcome.Allowed,
            _ => Outcome.Hidden,
        }),
        ["accreditation.registration.v1.CommentService/ListComments"] = new((w, _) => new RegistrationV1.ListCommentsRequest { DialogueId = w.AdmittedDialogueId }, Anyone),

        // Portal pieces of Registration (kept together).
        // The organization's own members replace its profile; the same values as created, so the cells change nothing States see.
        ["accreditation.registration.v1.OrganizationService/UpdateOrganization"] = new((w, s) => new RegistrationV1.UpdateOrganizationRequest
        {
            OrganizationId = w.Organizations[s], Name = $"Matrix {s} Network", Acronym = $"M{s}N", Category = RegistrationV1.StakeholderCategory.Ngo,
            Country = "KEN", EcosocStatus = RegistrationV1.EcosocStatus.None, Website = "https://example.org", AreasOfWork = { "migrant smuggling", "victim support" },
        }, Organization(secretariat: false)),
        // Registration still open: every field may change (here the dates move further out, the rest stays).
        ["accreditation.registration.v1.DialogueService/UpdateDialogue"] = new((w, _) => new RegistrationV1.UpdateDialogueRequest
        {
            DialogueId = w.DialogueId, WorkingGroup = "Working Group on Smuggling of Migrants", Session = "ninth session", Venue = "Vienna and online",
            Date = Future.AddDays(30).ToString("yyyy-MM-dd"), RegistrationClosesAt = Timestamp.FromDateTimeOffset(Future),
            ObjectionPeriodDays = 14, InPersonCapacity = 40,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude, RepresentativesPerOrganization = 2,
            },
        }, Officers),
        ["accreditation.registration.v1.InvitationService/ListInvitations"] = new((w, s) => new RegistrationV1.ListInvitationsRequest { OrganizationId = w.Organizations[s] }, Organization(secretariat: false)),
        // The owner's first cell cancels; its second meets FAILED_PRECONDITION (Cancelled), past authorization.
        ["accreditation.registration.v1.InvitationService/CancelInvitation"] = new((w, s) => new RegistrationV1.CancelInvitationRequest { InvitationId = w.Invitations[s] }, Organization(secretariat: false)),

        ["accreditation.objections.v1.CirculationService/ListCirculatedApplicants"] = new((_, _) => new ObjectionsV1.ListCirculatedApplicantsRequest(), StatesAndSecretariat),
        ["accreditation.objections.v1.CirculationService/GetCirculation"] = new((w, _) => new ObjectionsV1.GetCirculationRequest { CirculationId = w.CirculationId }, StatesAndSecretariat),
        ["accreditation.objections.v1.ObjectionService/FileObjection"] = new((w, s) => new ObjectionsV1.FileObjectionRequest { ApplicationId = w.Applications[s] }, Only(StateX, StateY)),
        // Another State's objection does not exist for the caller.
        ["accreditation.objections.v1.ObjectionService/WithdrawObjection"] = new((w, s) => new ObjectionsV1.WithdrawObjectionRequest { ObjectionId = w.Objections[s] }, (role, side) => role switch
        {
            Anonymous => Outcome.Unauthenticated,
            StateX or StateY => MatrixWorld.Own(role) == side ? Outcome.Allowed : Outcome.Hidden,
            _ => Outcome.Denied,
        }),
        ["accreditation.objections.v1.ObjectionService/ListObjections"] = new((_, _) => new ObjectionsV1.ListObjectionsRequest(), StatesAndSecretariat),

        ["accreditation.notifications.v1.InboxService/ListNotices"] = new((_, _) => new InboxV1.ListNoticesRequest(), Anyone),
        ["accreditation.notifications.v1.InboxService/GetUnreadCount"] = new((_, _) => new InboxV1.GetUnreadCountRequest(), Anyone),
        // Notices on both sides are organizations': nobody else can see them, and auditors change nothing.
        ["accreditation.notifications.v1.InboxService/MarkNoticeRead"] = new((w, s) => new InboxV1.MarkNoticeReadRequest { NoticeId = w.Notices[s] }, (role, side) => role switch
        {
            Anonymous => Outcome.Unauthenticated,
            Auditor => Outcome.Denied,
            OrganizationA or OrganizationB when MatrixWorld.Own(role) == side => Outcome.Allowed,
            _ => Outcome.Hidden,
        }),

        // The witness's heads are hashes only (Registration's verification asks for them without a token).
        ["accreditation.notifications.v1.LedgerWitnessService/ListWitnessedHeads"] = new((_, _) => new InboxV1.ListWitnessedHeadsRequest(), Anyone),

        ["accreditation.notifications.v1.DeliveryService/ListDeliveries"] = new((_, _) => new InboxV1.ListDeliveriesRequest(), Readers),
        // No delivery has failed in the matrix world: an officer passes authorization and finds none.
        ["accreditation.notifications.v1.DeliveryService/RetryDelivery"] = new((_, _) => new InboxV1.RetryDeliveryRequest { DeliveryId = Guid.NewGuid().ToString() },
            (role, _) => role switch { Anonymous => Outcome.Unauthenticated, Officer => Outcome.Hidden, _ => Outcome.Denied }),

        ["accreditation.identity.v1.AccountService/SignUp"] = new((_, _) => new AccountsV1.SignUpRequest
        {
            Email = $"matrix-{Guid.NewGuid():N}@example.org", Password = "Matrix-Password-1",
        }, (_, _) => Outcome.Allowed),
        ["accreditation.identity.v1.AccountService/ConfirmEmail"] = new((_, _) => new AccountsV1.ConfirmEmailRequest
        {
            Email = $"matrix-{Guid.NewGuid():N}@example.org", Code = "not-the-e-mailed-code",
        }, (_, _) => Outcome.Allowed, CarriesUnknownSecret: true),
        ["accreditation.identity.v1.AccountService/ResendEmailConfirmation"] = new((_, _) => new AccountsV1.ResendEmailConfirmationRequest
        {
            Email = $"matrix-{Guid.NewGuid():N}@example.org",
        }, (_, _) => Outcome.Allowed),
        ["accreditation.identity.v1.AccountService/RequestPasswordReset"] = new((_, _) => new AccountsV1.RequestPasswordResetRequest
        {
            Email = $"matrix-{Guid.NewGuid():N}@example.org",
        }, (_, _) => Outcome.Allowed),
        ["accreditation.identity.v1.AccountService/ResetPassword"] = new((_, _) => new AccountsV1.ResetPasswordRequest
        {
            Email = $"matrix-{Guid.NewGuid():N}@example.org", Code = "not-the-e-mailed-code", NewPassword = "Matrix-Password-1",
        }, (_, _) => Outcome.Allowed, CarriesUnknownSecret: true),
        // People only: the matrix's State, officer and auditor tokens are API clients', which have no account or session.
        ["accreditation.identity.v1.AccountService/GetMyAccount"] = new((_, _) => new AccountsV1.GetMyAccountRequest(), Only(OrganizationA, OrganizationB)),
        ["accreditation.identity.v1.AccountService/UpdateMyAccount"] = new((_, _) => new AccountsV1.UpdateMyAccountRequest { Language = "en" }, Only(OrganizationA, OrganizationB)),
        // Ends the session's refresh token only: the matrix's access tokens keep working.
        ["accreditation.identity.v1.AccountService/EndSession"] = new((_, _) => new AccountsV1.EndSessionRequest(), Only(OrganizationA, OrganizationB)),

        ["accreditation.identity.v1.StateUserService/CreateStateUser"] = new((_, s) => new AccountsV1.CreateStateUserRequest
        {
            Email = $"matrix-state-{Guid.NewGuid():N}@example.gov", StateCode = s == Side.A ? "AUT" : "BRA", DisplayName = "Matrix State user",
        }, Officers),
        ["accreditation.identity.v1.StateUserService/ListStateUsers"] = new((_, _) => new AccountsV1.ListStateUsersRequest(), Readers),

        // An officer's second call for a State meets ALREADY_EXISTS, past authorization.
        ["accreditation.identity.v1.StateClientService/CreateStateClient"] = new((_, s) => new AccountsV1.CreateStateClientRequest { StateCode = s == Side.A ? "SWE" : "NOR" }, Officers),
        // Configured clients: an officer passes authorization and meets FAILED_PRECONDITION, so no cell changes a client.
        ["accreditation.identity.v1.StateClientService/RotateStateClientSecret"] = new((_, s) => new AccountsV1.RotateStateClientSecretRequest { ClientId = s == Side.A ? "state-aut" : "state-bra" }, Officers),
        ["accreditation.identity.v1.StateClientService/RevokeStateClient"] = new((_, s) => new AccountsV1.RevokeStateClientRequest { ClientId = s == Side.A ? "state-aut" : "state-bra" }, Officers),
        ["accreditation.identity.v1.StateClientService/ListStateClients"] = new((_, _) => new AccountsV1.ListStateClientsRequest(), Readers),
    };
}

using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Access;

public enum Role { Anonymous, OrganizationA, OrganizationB, StateX, StateY, Officer, Auditor }

/// <summary>Which of two parallel sets of objects a call touches: A's (organization A, State X) or B's.</summary>
public enum Side { A, B }

/// <summary>
/// Two organizations with circulated applications in one dialogue, one objection by each of two
/// States, notices in every inbox: the objects every cell of the matrix reaches for.
/// </summary>
public sealed class MatrixWorld
{
    public required IReadOnlyDictionary<Role, string?> Tokens { get; init; }
    public required string DialogueId { get; init; }
    public required string SecondDialogueId { get; init; }
    public required string CirculationId { get; init; }
    public required IReadOnlyDictionary<Side, string> Organizations { get; init; }
    public required IReadOnlyDictionary<Side, string> Applications { get; init; }
    /// <summary>Submitted applications that only their organization may withdraw.</summary>
    public required IReadOnlyDictionary<Side, string> Withdrawable { get; init; }
    public required IReadOnlyDictionary<Side, string> Objections { get; init; }
    public required IReadOnlyDictionary<Side, string> Notices { get; init; }
    /// <summary>A dialogue where each side has an admitted application (its own second organization, with ECOSOC status).</summary>
    public required string AdmittedDialogueId { get; init; }
    public required IReadOnlyDictionary<Side, string> AdmittedApplications { get; init; }
    public required IReadOnlyDictionary<Side, string> Representatives { get; init; }
    /// <summary>Unpublished comments, never published in the matrix; and others the officer's cells publish.</summary>
    public required IReadOnlyDictionary<Side, string> Comments { get; init; }
    public required IReadOnlyDictionary<Side, string> PublishableComments { get; init; }
    /// <summary>A pending invitation of each side's organization.</summary>
    public required IReadOnlyDictionary<Side, string> Invitations { get; init; }
    /// <summary>The dialogue itself: programme, panel, speakers, attendance (see <see cref="ProgrammeObjects"/>).</summary>
    public required ProgrammeObjects Programme { get; init; }

    public static Side Own(Role role) => role is Role.OrganizationB or Role.StateY ? Side.B : Side.A;

    public static async Task<MatrixWorld> BuildAsync(SystemFixture system)
    {
        var api = new Clients(system);
        var officer = await system.OfficerTokenAsync();
        var users = new Dictionary<Side, OrganizationUser>
        {
            [Side.A] = await system.SignUpOrganizationUserAsync(),
            [Side.B] = await system.SignUpOrganizationUserAsync(),
        };
        var states = new Dictionary<Side, string> { [Side.A] = await system.StateTokenAsync("AUT"), [Side.B] = await system.StateTokenAsync("BRA") };
        var dialogue = await api.CreateDialogueAsync(officer);
        var second = await api.CreateDialogueAsync(officer);
        var organizations = new Dictionary<Side, RegistrationV1.Organization>();
        var applications = new Dictionary<Side, string>();
        var withdrawable = new Dictionary<Side, string>();
        foreach (var side in new[] { Side.A, Side.B })
        {
            organizations[side] = await api.CreateOrganizationAsync(users[side], $"Matrix {side} Network");
            var application = await api.ApplyAsync(users[side], organizations[side], dialogue);
            await api.ScreenEligibleAsync(officer, application);
            applications[side] = application.ApplicationId;
            withdrawable[side] = (await api.ApplyAsync(users[side], organizations[side], second)).ApplicationId;
        }
        var circulation = await api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogue.DialogueId,
            Deadline = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(10)),
        }, SystemFixture.Bearer(officer));
        await api.CirculatedAsync(states[Side.A], dialogue, expected: 2);
        var objections = new Dictionary<Side, string>();
        foreach (var side in new[] { Side.A, Side.B })
            objections[side] = (await api.Objections.FileObjectionAsync(
                new ObjectionsV1.FileObjectionRequest { ApplicationId = applications[side] }, SystemFixture.Bearer(states[side]))).Objection.ObjectionId;
        // Registration records the objections as their events arrive: their ledger entries are what States prove.
        foreach (var side in new[] { Side.A, Side.B })
            await SystemFixture.EventuallyAsync(
                async () => (await api.Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { ApplicationId = applications[side] }, SystemFixture.Bearer(officer))).Entries,
                entries => entries.Any(e => e.Kind == "objection-filed"), $"{side}'s objection in the ledger");
        var notices = new Dictionary<Side, string>();
        foreach (var side in new[] { Side.A, Side.B })
            notices[side] = (await SystemFixture.EventuallyAsync(() => api.NoticesAsync(users[side].Token), n => n.Count > 0, "a notice")).First().NoticeId;

        var admitted = await AdmittedAsync(system, officer, users);
        var invitations = new Dictionary<Side, string>();
        foreach (var side in new[] { Side.A, Side.B })
            invitations[side] = (await new RegistrationV1.InvitationService.InvitationServiceClient(system.Grpc).InviteMemberAsync(new RegistrationV1.InviteMemberRequest
            {
                OrganizationId = organizations[side].OrganizationId, Email = $"matrix-colleague-{side}@example.org".ToLowerInvariant(),
            }, users[side].Call)).Invitation.InvitationId;

        return new MatrixWorld
        {
            Tokens = new Dictionary<Role, string?>
            {
                [Role.Anonymous] = null,
                [Role.OrganizationA] = users[Side.A].Token,
                [Role.OrganizationB] = users[Side.B].Token,
                [Role.StateX] = states[Side.A],
                [Role.StateY] = states[Side.B],
                [Role.Officer] = officer,
                [Role.Auditor] = await system.AuditorTokenAsync(),
            },
            DialogueId = dialogue.DialogueId,
            SecondDialogueId = second.DialogueId,
            CirculationId = circulation.CirculationId,
            Organizations = organizations.ToDictionary(o => o.Key, o => o.Value.OrganizationId),
            Applications = applications,
            Withdrawable = withdrawable,
            Objections = objections,
            Notices = notices,
            AdmittedDialogueId = admitted.DialogueId,
            AdmittedApplications = admitted.Applications,
            Representatives = admitted.Representatives,
            Comments = admitted.Comments,
            PublishableComments = admitted.Publishable,
            Invitations = invitations,
            Programme = await ProgrammeObjects.BuildAsync(system, officer, users),
        };
    }

    /// <summary>Per side: an admitted application, one representative and two unpublished comments.</summary>
    static async Task<(string DialogueId, Dictionary<Side, string> Applications, Dictionary<Side, string> Representatives,
        Dictionary<Side, string> Comments, Dictionary<Side, string> Publishable)> AdmittedAsync(
        SystemFixture system, string officer, IReadOnlyDictionary<Side, OrganizationUser> users)
    {
        var steps = new ParticipationSteps(system);
        var dialogue = await steps.CreateDialogueAsync(officer, quota: 2);
        var applicants = new Dictionary<Side, Applicant>();
        foreach (var side in new[] { Side.A, Side.B })
        {
            var organization = await steps.Api.CreateOrganizationAsync(users[side], $"Matrix {side} Admitted Institute", RegistrationV1.EcosocStatus.Special);
            var application = await steps.Api.ApplyAsync(users[side], organization, dialogue);
            await steps.Api.ScreenEligibleAsync(officer, application);
            applicants[side] = new Applicant(users[side], organization, application);
        }
        await steps.Api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        var representatives = new Dictionary<Side, string>();
        var comments = new Dictionary<Side, string>();
        var publishable = new Dictionary<Side, string>();
        foreach (var (side, applicant) in applicants)
        {
            representatives[side] = (await steps.NominateAsync(applicant, $"Matrix Delegate {side}")).RepresentativeId;
            comments[side] = await CommentAsync(steps, applicant);
            publishable[side] = await CommentAsync(steps, applicant);
        }
        return (dialogue.DialogueId, applicants.ToDictionary(a => a.Key, a => a.Value.ApplicationId), representatives, comments, publishable);
    }

    static async Task<string> CommentAsync(ParticipationSteps steps, Applicant applicant) =>
        (await steps.Comments.SubmitCommentAsync(new RegistrationV1.SubmitCommentRequest
        {
            ApplicationId = applicant.ApplicationId, Text = "A matrix comment.",
        }, applicant.User.Call)).Comment.CommentId;
}

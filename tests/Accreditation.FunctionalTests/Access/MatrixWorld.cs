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
        var notices = new Dictionary<Side, string>();
        foreach (var side in new[] { Side.A, Side.B })
            notices[side] = (await SystemFixture.EventuallyAsync(() => api.NoticesAsync(users[side].Token), n => n.Count > 0, "a notice")).First().NoticeId;

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
        };
    }
}

using Google.Protobuf.WellKnownTypes;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>An organization user, its organization and its application to a dialogue.</summary>
public sealed record Applicant(OrganizationUser User, RegistrationV1.Organization Organization, RegistrationV1.Application Application)
{
    public string ApplicationId => Application.ApplicationId;
}

/// <summary>Clients and steps for what follows admission: representatives, replies to objections, written comments.</summary>
public sealed class ParticipationSteps(SystemFixture system)
{
    readonly Clients _api = new(system);

    public Clients Api => _api;
    public RegistrationV1.RepresentativeService.RepresentativeServiceClient Representatives => new(system.Grpc);
    public RegistrationV1.ObjectionReplyService.ObjectionReplyServiceClient Replies => new(system.Grpc);
    public RegistrationV1.CommentService.CommentServiceClient Comments => new(system.Grpc);

    public async Task<RegistrationV1.Dialogue> CreateDialogueAsync(string officer, int capacity = 40, int quota = 2,
        RegistrationV1.ObjectionEffect effect = RegistrationV1.ObjectionEffect.Exclude,
        RegistrationV1.CirculationPolicy circulation = RegistrationV1.CirculationPolicy.WithoutEcosocStatus, int daysAhead = 60)
    {
        var now = system.Clock.GetUtcNow();
        return (await _api.Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Trafficking in Persons",
            Session = "fifteenth session",
            Date = now.AddDays(daysAhead).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(daysAhead - 1)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = capacity,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = circulation, ObjectionEffect = effect, RepresentativesPerOrganization = quota,
            },
        }, SystemFixture.Bearer(officer))).Dialogue;
    }

    /// <summary>Applied and screened eligible, not circulated yet.</summary>
    public async Task<Applicant> EligibleAsync(string officer, RegistrationV1.Dialogue dialogue, string name,
        RegistrationV1.EcosocStatus ecosoc = RegistrationV1.EcosocStatus.Special)
    {
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, name, ecosoc);
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        return new Applicant(user, organization, application);
    }

    /// <summary>Admitted without circulation: ECOSOC status under a dialogue that circulates only the others.</summary>
    public async Task<Applicant> AdmittedAsync(string officer, RegistrationV1.Dialogue dialogue, string name)
    {
        var applicant = await EligibleAsync(officer, dialogue, name);
        var circulation = await _api.Secretariat.CirculateApplicationsAsync(
            new RegistrationV1.CirculateApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        Assert.Contains(applicant.ApplicationId, circulation.AdmittedApplicationIds);
        return applicant with { Application = await _api.GetAsync(applicant.User, applicant.Application) };
    }

    /// <summary>Under REFER: circulated, objected to by Austria, referred when the window closed.</summary>
    public async Task<Applicant> ReferredAsync(string officer, string name)
    {
        var dialogue = await CreateDialogueAsync(officer, effect: RegistrationV1.ObjectionEffect.Refer, circulation: RegistrationV1.CirculationPolicy.All);
        var applicant = await EligibleAsync(officer, dialogue, name, RegistrationV1.EcosocStatus.None);
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var austria = await system.StateTokenAsync("AUT");
        await _api.CirculatedAsync(austria, dialogue, expected: 1);
        await _api.ObjectAsync(austria, applicant.Application, "Not independent of a government");
        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var referred = await SystemFixture.EventuallyAsync(() => _api.GetAsync(applicant.User, applicant.Application),
            a => a.State == RegistrationV1.ApplicationState.Referred, "the application to be referred");
        return applicant with { Application = referred };
    }

    public async Task<RegistrationV1.Representative> NominateAsync(Applicant applicant, string fullName,
        RegistrationV1.AttendanceMode mode = RegistrationV1.AttendanceMode.InPerson) =>
        (await Representatives.NominateRepresentativeAsync(new RegistrationV1.NominateRepresentativeRequest
        {
            ApplicationId = applicant.ApplicationId,
            FullName = fullName,
            Title = "Programme officer",
            Email = $"{fullName.Split(' ')[0].ToLowerInvariant()}@example.org",
            Mode = mode,
        }, applicant.User.Call)).Representative;

    public async Task<IReadOnlyList<RegistrationV1.Representative>> RepresentativesOfAsync(Applicant applicant, string token) =>
        (await Representatives.ListRepresentativesAsync(new RegistrationV1.ListRepresentativesRequest { ApplicationId = applicant.ApplicationId },
            SystemFixture.Bearer(token))).Representatives;
}

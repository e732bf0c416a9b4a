using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Inbox = Accreditation.Notifications.V1;
using Objections = Accreditation.Objections.V1;
using Registration = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>Typed clients of every public service, all through the gateway, plus the steps tests repeat.</summary>
public sealed class Clients(SystemFixture system)
{
    readonly GrpcChannel _channel = system.Grpc;

    public Registration.DialogueService.DialogueServiceClient Dialogues => new(_channel);
    public Registration.OrganizationService.OrganizationServiceClient Organizations => new(_channel);
    public Registration.ApplicationService.ApplicationServiceClient Applications => new(_channel);
    public Registration.SecretariatService.SecretariatServiceClient Secretariat => new(_channel);
    public Objections.CirculationService.CirculationServiceClient Circulations => new(_channel);
    public Objections.ObjectionService.ObjectionServiceClient Objections => new(_channel);
    public Inbox.InboxService.InboxServiceClient Inbox => new(_channel);

    public async Task<Registration.Dialogue> CreateDialogueAsync(string officerToken,
        Registration.ObjectionEffect effect = Registration.ObjectionEffect.Exclude,
        Registration.CirculationPolicy circulation = Registration.CirculationPolicy.All)
    {
        var now = system.Clock.GetUtcNow();
        var response = await Dialogues.CreateDialogueAsync(new Registration.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Smuggling of Migrants",
            Session = "ninth session",
            Date = now.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = 40,
            Policy = new Registration.DialoguePolicy
            {
                Circulation = circulation,
                ObjectionEffect = effect,
                DiscloseObjectionToOrganization = false,
                RepresentativesPerOrganization = 2,
            },
        }, SystemFixture.Bearer(officerToken));
        return response.Dialogue;
    }

    public async Task<Registration.Organization> CreateOrganizationAsync(OrganizationUser user, string name,
        Registration.EcosocStatus ecosoc = Registration.EcosocStatus.None)
    {
        var response = await Organizations.CreateOrganizationAsync(new Registration.CreateOrganizationRequest
        {
            Name = name,
            Acronym = new string(name.Where(char.IsUpper).ToArray()),
            Category = Registration.StakeholderCategory.Ngo,
            Country = "KEN",
            EcosocStatus = ecosoc,
            Website = "https://example.org",
            AreasOfWork = { "migrant smuggling", "victim support" },
        }, user.Call);
        return response.Organization;
    }

    public async Task<Registration.Application> ApplyAsync(OrganizationUser user, Registration.Organization organization, Registration.Dialogue dialogue) =>
        (await Applications.SubmitApplicationAsync(new Registration.SubmitApplicationRequest
        {
            OrganizationId = organization.OrganizationId,
            DialogueId = dialogue.DialogueId,
        }, user.Call)).Application;

    public async Task ScreenEligibleAsync(string officerToken, Registration.Application application) =>
        await Secretariat.ScreenApplicationAsync(new Registration.ScreenApplicationRequest
        {
            ApplicationId = application.ApplicationId,
            Outcome = Registration.ScreeningOutcome.Eligible,
        }, SystemFixture.Bearer(officerToken));

    public async Task<Registration.Application> GetAsync(OrganizationUser user, Registration.Application application) =>
        (await Applications.GetApplicationAsync(new Registration.GetApplicationRequest { ApplicationId = application.ApplicationId }, user.Call)).Application;

    public async Task<IReadOnlyList<Inbox.Notice>> NoticesAsync(string token) =>
        (await Inbox.ListNoticesAsync(new Inbox.ListNoticesRequest { PageSize = 200 }, SystemFixture.Bearer(token))).Notices;

    /// <summary>Waits until the States parties can see the circulated applicants (the event has crossed the bus).</summary>
    public Task<Google.Protobuf.Collections.RepeatedField<Objections.CirculatedApplicant>> CirculatedAsync(string stateToken, Registration.Dialogue dialogue, int expected) =>
        SystemFixture.EventuallyAsync(
            async () => (await Circulations.ListCirculatedApplicantsAsync(
                new Objections.ListCirculatedApplicantsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(stateToken))).Applicants,
            applicants => applicants.Count == expected,
            "the circulated applicants to reach the States parties");
}

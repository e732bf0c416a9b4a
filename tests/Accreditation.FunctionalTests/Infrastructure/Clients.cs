using Google.Protobuf.WellKnownTypes;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>Typed clients of every public service, all through the gateway, plus the steps tests repeat.</summary>
public sealed class Clients(SystemFixture system) : GatewayClients(() => system.Grpc)
{

    public async Task<RegistrationV1.Dialogue> CreateDialogueAsync(string officerToken,
        RegistrationV1.ObjectionEffect effect = RegistrationV1.ObjectionEffect.Exclude,
        RegistrationV1.CirculationPolicy circulation = RegistrationV1.CirculationPolicy.All, bool disclose = false)
    {
        var now = system.Clock.GetUtcNow();
        var response = await Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Smuggling of Migrants",
            Session = "ninth session",
            Date = now.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = 40,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = circulation,
                ObjectionEffect = effect,
                DiscloseObjectionToOrganization = disclose,
                RepresentativesPerOrganization = 2,
            },
        }, SystemFixture.Bearer(officerToken));
        return response.Dialogue;
    }

    public async Task<RegistrationV1.Organization> CreateOrganizationAsync(OrganizationUser user, string name,
        RegistrationV1.EcosocStatus ecosoc = RegistrationV1.EcosocStatus.None,
        RegistrationV1.StakeholderCategory category = RegistrationV1.StakeholderCategory.Ngo, string country = "KEN")
    {
        var response = await Organizations.CreateOrganizationAsync(new RegistrationV1.CreateOrganizationRequest
        {
            Name = name,
            Acronym = new string(name.Where(char.IsUpper).ToArray()),
            Category = category,
            Country = country,
            EcosocStatus = ecosoc,
            Website = "https://example.org",
            AreasOfWork = { "migrant smuggling", "victim support" },
        }, user.Call);
        return response.Organization;
    }

    public async Task<RegistrationV1.Application> ApplyAsync(OrganizationUser user, RegistrationV1.Organization organization, RegistrationV1.Dialogue dialogue) =>
        (await Applications.SubmitApplicationAsync(new RegistrationV1.SubmitApplicationRequest
        {
            OrganizationId = organization.OrganizationId,
            DialogueId = dialogue.DialogueId,
        }, user.Call)).Application;

    public async Task ScreenEligibleAsync(string officerToken, RegistrationV1.Application application) =>
        await Secretariat.ScreenApplicationAsync(new RegistrationV1.ScreenApplicationRequest
        {
            ApplicationId = application.ApplicationId,
            Outcome = RegistrationV1.ScreeningOutcome.Eligible,
        }, SystemFixture.Bearer(officerToken));

    /// <summary>
    /// Circulates the dialogue's eligible applications with an objection window closing after
    /// <paramref name="window"/>, and waits until the circulation has reached Objections (an event
    /// away), where the States parties file their objections.
    /// </summary>
    public async Task<RegistrationV1.CirculateApplicationsResponse> CirculateAsync(string officerToken, RegistrationV1.Dialogue dialogue, TimeSpan window)
    {
        var circulated = await Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogue.DialogueId,
            Deadline = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow() + window),
        }, SystemFixture.Bearer(officerToken));
        if (circulated.CirculatedApplicationIds.Count > 0)
            await SystemFixture.EventuallyAsync(async () =>
            {
                try
                {
                    await Circulations.GetCirculationAsync(new ObjectionsV1.GetCirculationRequest { CirculationId = circulated.CirculationId }, SystemFixture.Bearer(officerToken));
                    return true;
                }
                catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
                {
                    return false;
                }
            }, known => known, "the circulation to reach Objections");
        return circulated;
    }

    public async Task<ObjectionsV1.Objection> ObjectAsync(string stateToken, RegistrationV1.Application application, string? grounds = null) =>
        (await Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest { ApplicationId = application.ApplicationId, Grounds = grounds ?? "" },
            SystemFixture.Bearer(stateToken))).Objection;

    public async Task<RegistrationV1.Application> GetAsync(OrganizationUser user, RegistrationV1.Application application) =>
        (await Applications.GetApplicationAsync(new RegistrationV1.GetApplicationRequest { ApplicationId = application.ApplicationId }, user.Call)).Application;

    public async Task<IReadOnlyList<InboxV1.Notice>> NoticesAsync(string token) =>
        (await Inbox.ListNoticesAsync(new InboxV1.ListNoticesRequest { PageSize = 200 }, SystemFixture.Bearer(token))).Notices;

    /// <summary>Waits until the States parties can see the circulated applicants (the event has crossed the bus).</summary>
    public Task<Google.Protobuf.Collections.RepeatedField<ObjectionsV1.CirculatedApplicant>> CirculatedAsync(string stateToken, RegistrationV1.Dialogue dialogue, int expected) =>
        SystemFixture.EventuallyAsync(
            async () => (await Circulations.ListCirculatedApplicantsAsync(
                new ObjectionsV1.ListCirculatedApplicantsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(stateToken))).Applicants,
            applicants => applicants.Count == expected,
            "the circulated applicants to reach the States parties");
}

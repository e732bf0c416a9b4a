using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Registration.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Programme;

/// <summary>Clients and steps of the dialogue itself, all through the gateway.</summary>
public sealed class ProgrammeSteps(SystemFixture system)
{
    public ParticipationSteps Participation { get; } = new(system);
    public RegistrationV1.ProgrammeService.ProgrammeServiceClient Programme => new(system.Grpc);
    public RegistrationV1.PanelService.PanelServiceClient Panels => new(system.Grpc);
    public RegistrationV1.SpeakerService.SpeakerServiceClient Speakers => new(system.Grpc);
    public RegistrationV1.AttendanceService.AttendanceServiceClient Attendance => new(system.Grpc);
    public RegistrationV1.PublicDialogueService.PublicDialogueServiceClient Public => new(system.Grpc);

    /// <summary>Admitted without circulation (ECOSOC status), of the category and country given.</summary>
    public async Task<Applicant> AdmittedAsync(string officer, RegistrationV1.Dialogue dialogue, string name,
        RegistrationV1.StakeholderCategory category = RegistrationV1.StakeholderCategory.Ngo, string country = "KEN")
    {
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await Participation.Api.CreateOrganizationAsync(user, name, RegistrationV1.EcosocStatus.Special, category, country);
        var application = await Participation.Api.ApplyAsync(user, organization, dialogue);
        await Participation.Api.ScreenEligibleAsync(officer, application);
        await Participation.Api.Secretariat.CirculateApplicationsAsync(
            new RegistrationV1.CirculateApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        return new Applicant(user, organization, await Participation.Api.GetAsync(user, application));
    }

    public async Task<RegistrationV1.AgendaItem> AddItemAsync(string officer, RegistrationV1.Dialogue dialogue, int number, string title, RegistrationV1.AgendaItemKind kind) =>
        (await Programme.AddAgendaItemAsync(new RegistrationV1.AddAgendaItemRequest
        {
            DialogueId = dialogue.DialogueId, Number = number, Title = title, Kind = kind,
        }, SystemFixture.Bearer(officer))).AgendaItem;

    public async Task<RegistrationV1.DialogueProgramme> ProgrammeAsync(RegistrationV1.Dialogue dialogue, string token) =>
        (await Programme.GetDialogueProgrammeAsync(new RegistrationV1.GetDialogueProgrammeRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(token))).Programme;

    /// <summary>
    /// What Registration gathers for the Chair's summary (no API of its own: the summary's download
    /// is built on it), read from the running system's database.
    /// </summary>
    public async Task<ChairSummaryData> ChairSummaryDataAsync(RegistrationV1.Dialogue dialogue)
    {
        var options = new DbContextOptionsBuilder<RegistrationDb>()
            .UseSqlite($"Data Source={Path.Combine(system.DataDirectory, "registration.db")};Pooling=False").Options;
        await using var db = new RegistrationDb(options);
        return await db.ChairSummaryDataAsync(Guid.Parse(dialogue.DialogueId), system.Clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>Runs the call and returns how it was refused (the test fails when it was not).</summary>
    public static Task<RpcException> RefusedAsync(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);
}

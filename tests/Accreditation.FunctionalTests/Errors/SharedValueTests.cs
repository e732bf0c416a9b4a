using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Errors;

/// <summary>
/// One e-mail address and one country code, judged alike at every service's door: what Identity
/// refuses, Registration refuses too, with the same field and reason.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SharedValueTests(SystemFixture system)
{
    const string Hostless = "a@localhost";
    readonly ParticipationSteps _steps = new(system);

    static async Task<(StatusCode, string?, string)> RefusalAsync(Func<Task> call)
    {
        var error = ReceivedError.From(await Assert.ThrowsAsync<RpcException>(call));
        return (error.Code, error.Field, error.Reason);
    }

    [Fact]
    public async Task An_address_without_a_dotted_host_is_refused_for_an_account_an_invitee_a_representative_and_a_state_user()
    {
        var expected = (StatusCode.InvalidArgument, "email", "EMAIL_INVALID");
        var officer = await system.OfficerTokenAsync();
        var staff = await system.StaffPersonTokenAsync(system.System.Credentials.Officer);
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var applicant = await _steps.AdmittedAsync(officer, dialogue, "Localhost Watch");

        Assert.Equal(expected, await RefusalAsync(() => new Accounts.AccountService.AccountServiceClient(system.Grpc).SignUpAsync(
            new() { Email = Hostless, Password = "Correct-Horse-42", DisplayName = "A", Language = "en" }, SystemFixture.Anonymous).ResponseAsync));
        Assert.Equal(expected, await RefusalAsync(() => new RegistrationV1.InvitationService.InvitationServiceClient(system.Grpc).InviteMemberAsync(
            new() { OrganizationId = applicant.Organization.OrganizationId, Email = Hostless }, applicant.User.Call).ResponseAsync));
        Assert.Equal(expected, await RefusalAsync(() => _steps.Representatives.NominateRepresentativeAsync(new()
        {
            ApplicationId = applicant.ApplicationId, FullName = "Amina Diallo", Email = Hostless, Mode = RegistrationV1.AttendanceMode.Online,
        }, applicant.User.Call).ResponseAsync));
        Assert.Equal(expected, await RefusalAsync(() => new Accounts.StateUserService.StateUserServiceClient(system.Grpc).CreateStateUserAsync(
            new() { Email = Hostless, DisplayName = "Delegate", StateCode = "KEN" }, SystemFixture.Bearer(staff)).ResponseAsync));
    }

    [Fact]
    public async Task A_code_nobody_assigned_is_no_country_for_an_organization_the_screening_filter_or_a_state_party()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var officer = await system.OfficerTokenAsync();
        var staff = await system.StaffPersonTokenAsync(system.System.Credentials.Officer);
        var api = _steps.Api;

        Assert.Equal((StatusCode.InvalidArgument, "country", "COUNTRY_INVALID"),
            await RefusalAsync(() => api.CreateOrganizationAsync(user, "Nowhere Network", country: "XYZ")));
        Assert.Equal((StatusCode.InvalidArgument, "country", "COUNTRY_INVALID"), await RefusalAsync(() =>
            api.Secretariat.ListScreeningQueueAsync(new() { Country = "XYZ" }, SystemFixture.Bearer(officer)).ResponseAsync));
        Assert.Equal((StatusCode.InvalidArgument, "state_code", "STATE_CODE_INVALID"), await RefusalAsync(() =>
            new Accounts.StateClientService.StateClientServiceClient(system.Grpc).CreateStateClientAsync(
                new() { StateCode = "XYZ" }, SystemFixture.Bearer(officer)).ResponseAsync));
        Assert.Equal((StatusCode.InvalidArgument, "state_code", "STATE_CODE_INVALID"), await RefusalAsync(() =>
            new Accounts.StateUserService.StateUserServiceClient(system.Grpc).CreateStateUserAsync(
                new() { Email = $"delegate-{Guid.NewGuid():N}@example.gov", DisplayName = "Delegate", StateCode = "XYZ" }, SystemFixture.Bearer(staff)).ResponseAsync));
    }
}

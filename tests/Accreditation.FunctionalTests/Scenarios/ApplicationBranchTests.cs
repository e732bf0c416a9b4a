using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;
using State = Accreditation.Registration.V1.ApplicationState;

namespace Accreditation.FunctionalTests.Scenarios;

/// <summary>
/// The branches of the life of an application (DESIGN.md section 2) that the policy scenarios do
/// not take, and the refusals with their exact status codes. Information requested, answered and
/// lapsed are in <see cref="InformationRequestTests"/>.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ApplicationBranchTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task Ineligibility_needs_a_reason_the_organization_reads_and_ends_the_application()
    {
        var (officer, user, application) = await SubmittedAsync(RegistrationV1.ObjectionEffect.Exclude);

        var noReason = await Assert.ThrowsAsync<RpcException>(() => ScreenAsync(officer, application, RegistrationV1.ScreeningOutcome.Ineligible, " "));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.StartsWith("reason:", noReason.Status.Detail);
        Assert.Equal(State.Submitted, (await _api.GetAsync(user, application)).State);

        await ScreenAsync(officer, application, RegistrationV1.ScreeningOutcome.Ineligible, "Activities outside the scope of the Convention");

        Assert.Equal(State.Ineligible, (await _api.GetAsync(user, application)).State);
        var history = await _api.Applications.GetApplicationHistoryAsync(new() { ApplicationId = application.ApplicationId }, user.Call);
        Assert.Equal((State.Submitted, State.Ineligible, "Activities outside the scope of the Convention"),
            (history.Changes[^1].From, history.Changes[^1].To, history.Changes[^1].Reason));
        var rescreen = await Assert.ThrowsAsync<RpcException>(() => ScreenAsync(officer, application, RegistrationV1.ScreeningOutcome.Eligible, null));
        Assert.Equal(StatusCode.FailedPrecondition, rescreen.StatusCode);
        Assert.Contains("is Ineligible", rescreen.Status.Detail);
        var withdraw = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(user, application));
        Assert.Equal(StatusCode.FailedPrecondition, withdraw.StatusCode);
        Assert.Contains("is Ineligible", withdraw.Status.Detail);
    }

    public static TheoryData<State> UndecidedStates => [State.Submitted, State.InformationRequested, State.Eligible, State.Circulated, State.Referred];

    [Theory]
    [MemberData(nameof(UndecidedStates))]
    public async Task The_organization_withdraws_at_any_point_before_a_decision_and_nothing_decides_it_afterwards(State from)
    {
        var (officer, user, application) = await SubmittedAsync(RegistrationV1.ObjectionEffect.Refer);
        await BringToAsync(from, officer, application);
        Assert.Equal(from, (await _api.GetAsync(user, application)).State);
        var mexico = await system.StateTokenAsync("MEX");
        var circulationId = from == State.Circulated
            ? (await _api.CirculatedAsync(mexico, new RegistrationV1.Dialogue { DialogueId = application.DialogueId }, expected: 1))[0].CirculationId
            : null;

        var withdrawn = (await WithdrawAsync(user, application)).Application;

        Assert.Equal(State.Withdrawn, withdrawn.State);
        Assert.Null(withdrawn.DecidedAt);
        var history = await _api.Applications.GetApplicationHistoryAsync(new() { ApplicationId = application.ApplicationId }, user.Call);
        Assert.Equal((from, State.Withdrawn, "organization"), (history.Changes[^1].From, history.Changes[^1].To, history.Changes[^1].Actor.Role));
        if (from == State.Circulated)
        {
            // The States parties no longer see it, nor count it, nor can they object to it.
            await _api.CirculatedAsync(mexico, new RegistrationV1.Dialogue { DialogueId = application.DialogueId }, expected: 0);
            var circulation = await _api.Circulations.GetCirculationAsync(new() { CirculationId = circulationId }, SystemFixture.Bearer(mexico));
            Assert.Equal(0, circulation.Circulation.ApplicantCount);
            var objection = await Assert.ThrowsAsync<RpcException>(() => _api.ObjectAsync(mexico, application));
            Assert.Equal(StatusCode.FailedPrecondition, objection.StatusCode);
            Assert.Contains("withdrawn", objection.Status.Detail);
            // The window still closes; the withdrawn application stays withdrawn.
            system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
            await SystemFixture.EventuallyAsync(() => LedgerKindsAsync(officer, application), k => k.Contains("window-closed"), "the window to close");
            Assert.Equal(State.Withdrawn, (await _api.GetAsync(user, application)).State);
        }
        if (from == State.Referred)
        {
            var decision = await Assert.ThrowsAsync<RpcException>(() => _api.Secretariat.RecordReferralDecisionAsync(new()
            {
                ApplicationId = application.ApplicationId, Outcome = RegistrationV1.ReferralOutcome.Admitted,
                Body = "Bureau of the Conference", DecidedOn = "2026-01-15", DocumentSymbol = "CTOC/COP/2026/L.1",
            }, SystemFixture.Bearer(officer)).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, decision.StatusCode);
            Assert.Contains("Withdrawn", decision.Status.Detail);
        }
        var twice = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(user, application));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("is Withdrawn", twice.Status.Detail);
    }

    [Fact]
    public async Task Registration_outside_its_period_is_refused_naming_the_period()
    {
        var officer = await system.OfficerTokenAsync();
        var now = system.Clock.GetUtcNow();
        var closing = await DialogueAsync(officer, opens: null, closes: now.AddHours(1));
        var opening = await DialogueAsync(officer, opens: now.AddDays(2), closes: now.AddDays(10));
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Punctual Observers Network");

        var early = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(user, organization, opening));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains($"open from {opening.RegistrationOpensAt.ToDateTimeOffset():u} until {opening.RegistrationClosesAt.ToDateTimeOffset():u}", early.Status.Detail);

        system.Clock.Advance(TimeSpan.FromHours(1));
        var late = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(user, organization, closing));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains($"until {closing.RegistrationClosesAt.ToDateTimeOffset():u}", late.Status.Detail);
        Assert.Empty((await _api.Applications.ListApplicationsAsync(new(), user.Call)).Applications);
    }

    [Fact]
    public async Task One_profile_applies_to_several_dialogues_but_once_to_each_even_after_withdrawing()
    {
        var (officer, user, application) = await SubmittedAsync(RegistrationV1.ObjectionEffect.Exclude);
        var organization = new RegistrationV1.Organization { OrganizationId = application.OrganizationId };
        var dialogue = new RegistrationV1.Dialogue { DialogueId = application.DialogueId };
        var other = await _api.CreateDialogueAsync(officer);

        var second = await _api.ApplyAsync(user, organization, other);
        await WithdrawAsync(user, application);
        var again = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(user, organization, dialogue));

        Assert.Equal((State.Submitted, application.OrganizationId), (second.State, second.OrganizationId));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Contains("already applied", again.Status.Detail);
    }

    async Task<(string Officer, OrganizationUser User, RegistrationV1.Application Application)> SubmittedAsync(RegistrationV1.ObjectionEffect effect)
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, effect);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Branching Paths Association");
        return (officer, user, await _api.ApplyAsync(user, organization, dialogue));
    }

    async Task BringToAsync(State state, string officer, RegistrationV1.Application application)
    {
        if (state == State.Submitted)
            return;
        if (state == State.InformationRequested)
        {
            await _api.Secretariat.RequestInformationAsync(new()
            {
                ApplicationId = application.ApplicationId, Question = "Please send your statutes.",
                AnswerBy = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(7)),
            }, SystemFixture.Bearer(officer));
            return;
        }
        await _api.ScreenEligibleAsync(officer, application);
        if (state == State.Eligible)
            return;
        var dialogue = new RegistrationV1.Dialogue { DialogueId = application.DialogueId };
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var mexico = await system.StateTokenAsync("MEX");
        await _api.CirculatedAsync(mexico, dialogue, expected: 1);
        if (state == State.Circulated)
            return;
        await _api.ObjectAsync(mexico, application);
        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await SystemFixture.EventuallyAsync(() => _api.Secretariat.ListScreeningQueueAsync(
                new() { DialogueId = application.DialogueId, State = State.Referred }, SystemFixture.Bearer(officer)).ResponseAsync,
            q => q.Entries.Count == 1, "the application to be referred");
    }

    async Task<RegistrationV1.Dialogue> DialogueAsync(string officer, DateTimeOffset? opens, DateTimeOffset closes) =>
        (await _api.Dialogues.CreateDialogueAsync(new()
        {
            WorkingGroup = "Working Group on Trafficking in Persons", Session = "fourteenth session", Venue = "Vienna",
            Date = closes.AddDays(30).ToString("yyyy-MM-dd"),
            RegistrationOpensAt = opens is { } o ? Timestamp.FromDateTimeOffset(o) : null,
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(closes),
            ObjectionPeriodDays = 14, InPersonCapacity = 20,
            Policy = new() { Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude, RepresentativesPerOrganization = 2 },
        }, SystemFixture.Bearer(officer))).Dialogue;

    Task<RegistrationV1.ScreenApplicationResponse> ScreenAsync(string officer, RegistrationV1.Application application, RegistrationV1.ScreeningOutcome outcome, string? reason) =>
        _api.Secretariat.ScreenApplicationAsync(new() { ApplicationId = application.ApplicationId, Outcome = outcome, Reason = reason ?? "" }, SystemFixture.Bearer(officer)).ResponseAsync;

    Task<RegistrationV1.WithdrawApplicationResponse> WithdrawAsync(OrganizationUser user, RegistrationV1.Application application) =>
        _api.Applications.WithdrawApplicationAsync(new() { ApplicationId = application.ApplicationId, Reason = "We cannot attend." }, user.Call).ResponseAsync;

    async Task<List<string>> LedgerKindsAsync(string officer, RegistrationV1.Application application) =>
        (await _api.Ledger.ListLedgerEntriesAsync(new() { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer))).Entries.Select(e => e.Kind).ToList();
}

using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using static Accreditation.Registration.V1.CirculationPolicy;
using static Accreditation.Registration.V1.ObjectionEffect;
using RegistrationV1 = Accreditation.Registration.V1;
using State = Accreditation.Registration.V1.ApplicationState;

namespace Accreditation.FunctionalTests.Scenarios;

/// <summary>
/// Every combination of a dialogue's policies (which applicants are circulated, what an objection
/// does, whether the organization is told of it), each with four applicants: with and without
/// ECOSOC status, with a standing objection, and with an objection filed and then withdrawn.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PolicyScenarioTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Theory]
    [InlineData(All, Exclude, false)]
    [InlineData(All, Exclude, true)]
    [InlineData(All, Refer, false)]
    [InlineData(All, Refer, true)]
    [InlineData(WithoutEcosocStatus, Exclude, false)]
    [InlineData(WithoutEcosocStatus, Exclude, true)]
    [InlineData(WithoutEcosocStatus, Refer, false)]
    [InlineData(WithoutEcosocStatus, Refer, true)]
    public async Task Each_policy_decides_each_applicant_as_the_rules_say_and_the_organization_sees_only_what_is_disclosed(
        RegistrationV1.CirculationPolicy circulation, RegistrationV1.ObjectionEffect effect, bool disclose)
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, effect, circulation, disclose);
        var user = await system.SignUpOrganizationUserAsync();
        async Task<RegistrationV1.Application> ApplyAsync(string name, RegistrationV1.EcosocStatus ecosoc)
        {
            var application = await _api.ApplyAsync(user, await _api.CreateOrganizationAsync(user, name, ecosoc), dialogue);
            await _api.ScreenEligibleAsync(officer, application);
            return application;
        }
        var withStatus = await ApplyAsync("Consultative Status Council", RegistrationV1.EcosocStatus.Special);
        var withStatusObjected = await ApplyAsync("Consultative Status Objected League", RegistrationV1.EcosocStatus.General);
        var objected = await ApplyAsync("Objected Grassroots Network", RegistrationV1.EcosocStatus.None);
        var reconsidered = await ApplyAsync("Reconsidered Grassroots Forum", RegistrationV1.EcosocStatus.None);
        var circulatesAll = circulation == All;

        var circulated = await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));

        string[] statusIds = [withStatus.ApplicationId, withStatusObjected.ApplicationId];
        Assert.Equal(circulatesAll ? [] : statusIds.Order(), circulated.AdmittedApplicationIds.Order());
        Assert.Equal(circulatesAll ? 4 : 2, circulated.CirculatedApplicationIds.Count);
        var austria = await system.StateTokenAsync("AUT");
        var brazil = await system.StateTokenAsync("BRA");
        var seen = await _api.CirculatedAsync(austria, dialogue, expected: circulatesAll ? 4 : 2);
        Assert.Equal(circulatesAll, seen.Any(a => a.ApplicationId == withStatus.ApplicationId));

        await _api.ObjectAsync(austria, objected);
        if (circulatesAll)
            await _api.ObjectAsync(brazil, withStatusObjected);
        else
        {
            // Admitted under rule 17, never circulated: there is nothing to object to.
            var refused = await Assert.ThrowsAsync<RpcException>(() => _api.ObjectAsync(brazil, withStatusObjected));
            Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        }
        var changedMind = await _api.ObjectAsync(brazil, reconsidered);
        await _api.Objections.WithdrawObjectionAsync(new() { ObjectionId = changedMind.ObjectionId }, SystemFixture.Bearer(brazil));

        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var onObjection = effect == Exclude ? State.NotAdmitted : State.Referred;
        var expected = new Dictionary<RegistrationV1.Application, (State State, bool Objection)>
        {
            [withStatus] = (State.Admitted, false),
            [withStatusObjected] = circulatesAll ? (onObjection, true) : (State.Admitted, false),
            [objected] = (onObjection, true),
            // Filed, then withdrawn before the deadline: it does not stand.
            [reconsidered] = (State.Admitted, false),
        };
        foreach (var (application, (state, objection)) in expected)
        {
            var seenByOrganization = await SystemFixture.EventuallyAsync(() => _api.GetAsync(user, application),
                a => a.State == state, $"{application.ApplicationId} to become {state}");
            Assert.Equal(disclose && objection, seenByOrganization.ObjectionRaised);
            var bySecretariat = (await _api.Applications.GetApplicationAsync(new() { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer))).Application;
            Assert.Equal(objection, bySecretariat.ObjectionRaised);
        }

        if (effect == Refer)
            await SettleReferralsAsync(officer, user, objected, circulatesAll ? withStatusObjected : null, withStatus, disclose);

        // Whatever the policy, the organization never learns which State objected.
        foreach (var application in expected.Keys)
        {
            var history = await _api.Applications.GetApplicationHistoryAsync(new() { ApplicationId = application.ApplicationId }, user.Call);
            Assert.DoesNotContain(history.Changes, c => System.Text.RegularExpressions.Regex.IsMatch(
                c.Reason + c.Actor.Subject + string.Concat(c.ReasonMetadata.Values), @"\b(AUT|BRA)\b|Austria|Brazil"));
            if (!disclose)
                Assert.DoesNotContain(history.Changes, c => c.Actor.Role == "system"
                    && (c.Reason.Contains("objection", StringComparison.OrdinalIgnoreCase) || c.ReasonCode.Contains("OBJECTION", StringComparison.Ordinal)));
            if (!disclose && history.Changes.SingleOrDefault(c => c.To == State.Referred) is { } referral)
                Assert.Equal(("Referred for a decision when the circulation period closed", "REFERRED_AT_CLOSE"), (referral.Reason, referral.ReasonCode));
        }
        // A decision is final: the organization cannot withdraw afterwards.
        var late = await Assert.ThrowsAsync<RpcException>(() =>
            _api.Applications.WithdrawApplicationAsync(new() { ApplicationId = withStatus.ApplicationId }, user.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains("is Admitted", late.Status.Detail);
        if (effect == Exclude)
        {
            var excluded = await Assert.ThrowsAsync<RpcException>(() =>
                _api.Applications.WithdrawApplicationAsync(new() { ApplicationId = objected.ApplicationId }, user.Call).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, excluded.StatusCode);
            Assert.Contains("is NotAdmitted", excluded.Status.Detail);
        }
    }

    /// <summary>REFER: the officer records the Bureau's decisions; the first is admitted on a vote, the second is not.</summary>
    async Task SettleReferralsAsync(string officer, OrganizationUser user, RegistrationV1.Application admitted,
        RegistrationV1.Application? refused, RegistrationV1.Application notReferred, bool disclose)
    {
        var wrongState = await Assert.ThrowsAsync<RpcException>(() => DecideAsync(officer, notReferred, admit: true, 57, 7, 3, "CTOC/COP/2024/L.3"));
        Assert.Equal(StatusCode.FailedPrecondition, wrongState.StatusCode);
        Assert.Contains("Admitted", wrongState.Status.Detail);
        var negative = await Assert.ThrowsAsync<RpcException>(() => DecideAsync(officer, admitted, admit: true, -1, 7, 3, "CTOC/COP/2024/L.3"));
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);

        var decided = await DecideAsync(officer, admitted, admit: true, 57, 7, 3, "CTOC/COP/2024/L.3");
        Assert.Equal(State.Admitted, decided.State);
        Assert.NotNull(decided.DecidedAt);
        var seen = await _api.GetAsync(user, admitted);
        Assert.Equal((State.Admitted, disclose), (seen.State, seen.ObjectionRaised));
        var entry = Assert.Single((await _api.Ledger.ListLedgerEntriesAsync(new() { ApplicationId = admitted.ApplicationId }, SystemFixture.Bearer(officer))).Entries,
            e => e.Kind == "referral-decision");
        Assert.Equal(("Referred", "Admitted", "57", "7", "3", "CTOC/COP/2024/L.3", "Bureau of the Conference"),
            (entry.StateBefore, entry.StateAfter, entry.Details["votesFor"], entry.Details["votesAgainst"], entry.Details["abstentions"],
             entry.Details["documentSymbol"], entry.Details["body"]));

        var again = await Assert.ThrowsAsync<RpcException>(() => DecideAsync(officer, admitted, admit: false, 1, 2, 3, "CTOC/COP/2024/L.4"));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("Admitted", again.Status.Detail);

        if (refused is not null)
            Assert.Equal(State.NotAdmitted, (await DecideAsync(officer, refused, admit: false, 7, 57, 0, "CTOC/COP/2024/L.4")).State);
    }

    async Task<RegistrationV1.Application> DecideAsync(string officer, RegistrationV1.Application application, bool admit,
        int votesFor, int against, int abstentions, string symbol) =>
        (await _api.Secretariat.RecordReferralDecisionAsync(new RegistrationV1.RecordReferralDecisionRequest
        {
            ApplicationId = application.ApplicationId,
            Outcome = admit ? RegistrationV1.ReferralOutcome.Admitted : RegistrationV1.ReferralOutcome.NotAdmitted,
            Body = "Bureau of the Conference",
            DecidedOn = system.Clock.GetUtcNow().ToString("yyyy-MM-dd"),
            VotesFor = votesFor, VotesAgainst = against, Abstentions = abstentions,
            DocumentSymbol = symbol,
        }, SystemFixture.Bearer(officer))).Application;
}

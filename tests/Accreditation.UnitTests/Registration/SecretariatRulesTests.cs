using Accreditation.Registration.Domain;
using Accreditation.Registration.Messaging;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration;

/// <summary>The secretariat's circulation round, referral decisions and withdrawals, without a host.</summary>
public sealed class SecretariatRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    [Fact]
    public void A_round_circulates_organizations_without_ecosoc_status_and_admits_the_others_under_the_dialogues_policy()
    {
        var dialogue = Dialogue(CirculationPolicy.WithoutEcosocStatus);
        var without = Eligible(dialogue, "Migrant Rights Network", EcosocStatus.None);
        var special = Eligible(dialogue, "Global Anti-Trafficking Alliance", EcosocStatus.Special);
        var circulationId = Guid.NewGuid();

        var round = CirculationRound.Run(dialogue, [without, special], null, circulationId, Officer, Now);

        Assert.Equal([without], round.Circulated);
        Assert.Equal([special], round.AdmittedWithoutCirculation);
        Assert.Equal((ApplicationState.Circulated, circulationId), (without.Application.State, without.Application.CirculationId));
        Assert.Equal(ApplicationState.Admitted, special.Application.State);
    }

    [Fact]
    public void Under_the_all_policy_every_eligible_application_is_circulated()
    {
        var dialogue = Dialogue(CirculationPolicy.All);
        var special = Eligible(dialogue, "Global Anti-Trafficking Alliance", EcosocStatus.General);

        var round = CirculationRound.Run(dialogue, [special], null, Guid.NewGuid(), Officer, Now);

        Assert.Equal([special], round.Circulated);
        Assert.Empty(round.AdmittedWithoutCirculation);
    }

    [Fact]
    public void Without_a_deadline_the_window_is_the_dialogues_objection_period_and_a_given_one_must_be_in_the_future()
    {
        var dialogue = Dialogue(CirculationPolicy.All);
        Assert.Equal(Now.AddDays(14), CirculationRound.Run(dialogue, [Eligible(dialogue, "A", EcosocStatus.None)], null, Guid.NewGuid(), Officer, Now).Deadline);
        Assert.Equal(Now.AddDays(3), CirculationRound.Run(dialogue, [Eligible(dialogue, "B", EcosocStatus.None)], Now.AddDays(3), Guid.NewGuid(), Officer, Now).Deadline);

        var late = Eligible(dialogue, "C", EcosocStatus.None);
        var error = Assert.Throws<InvalidFieldException>(() => CirculationRound.Run(dialogue, [late], Now, Guid.NewGuid(), Officer, Now));
        Assert.Equal(("deadline", CommonReasons.DateNotInFuture), (error.Field, error.Reason));
        Assert.Equal(ApplicationState.Eligible, late.Application.State);
    }

    [Fact]
    public void A_round_with_no_eligible_application_is_refused_naming_the_dialogue()
    {
        var dialogue = Dialogue(CirculationPolicy.All);
        var error = Assert.Throws<RuleViolationException>(() => CirculationRound.Run(dialogue, [], null, Guid.NewGuid(), Officer, Now));
        Assert.Equal((RegistrationReasons.NoEligibleApplication, $"dialogues/{dialogue.Id}"), (error.Reason, error.Subject));
    }

    [Fact]
    public void A_round_announces_each_admission_and_the_circulated_applicants_together_under_its_deadline()
    {
        var dialogue = Dialogue(CirculationPolicy.WithoutEcosocStatus);
        var without = Eligible(dialogue, "Migrant Rights Network", EcosocStatus.None);
        var roster = Eligible(dialogue, "Roster Institute", EcosocStatus.Roster);
        var round = CirculationRound.Run(dialogue, [without, roster], null, Guid.NewGuid(), Officer, Now);

        var (decided, circulated) = RegistrationEvents.Of(round, dialogue, Now);

        Assert.Equal([(roster.Application.Id, "Admitted")], decided.Select(d => (d.ApplicationId, d.Outcome)));
        Assert.NotNull(circulated);
        Assert.Equal((round.CirculationId, round.Deadline, dialogue.Title), (circulated.CirculationId, circulated.Deadline, circulated.DialogueTitle));
        Assert.Equal(["Migrant Rights Network"], circulated.Applicants.Select(a => a.Name));
    }

    [Fact]
    public void A_round_that_admits_everyone_circulates_nothing_to_the_states()
    {
        var dialogue = Dialogue(CirculationPolicy.WithoutEcosocStatus);
        var round = CirculationRound.Run(dialogue, [Eligible(dialogue, "Roster Institute", EcosocStatus.Roster)], null, Guid.NewGuid(), Officer, Now);

        var (decided, circulated) = RegistrationEvents.Of(round, dialogue, Now);

        Assert.Single(decided);
        Assert.Null(circulated);
    }

    [Fact]
    public void A_referral_decision_is_recorded_in_words_with_its_code_its_values_and_its_ledger_details()
    {
        var decision = ReferralDecision.Create(true, "Conference of the Parties", new DateOnly(2024, 10, 14), 57, 7, 3, "CTOC/COP/2024/L.3");
        var application = Referred();

        application.RecordReferralDecision(decision, Officer, Now);

        var change = application.Changes[^1];
        Assert.Equal(ApplicationState.Admitted, change.To);
        Assert.Equal("Conference of the Parties, 2024-10-14: admitted (57 in favour, 7 against, 3 abstaining), CTOC/COP/2024/L.3", change.Reason);
        Assert.Equal(HistoryReasons.ReferralAdmitted, change.ReasonCode);
        Assert.Equal(new Dictionary<string, string>
        {
            ["body_text"] = "Conference of the Parties", ["decided_on"] = "2024-10-14", ["votes_for"] = "57",
            ["votes_against"] = "7", ["abstentions"] = "3", ["document_symbol_text"] = "CTOC/COP/2024/L.3",
        }, change.ReasonMetadata());
        Assert.Equal(new Dictionary<string, string>
        {
            ["body"] = "Conference of the Parties", ["decidedOn"] = "2024-10-14", ["outcome"] = "Admitted", ["votesFor"] = "57",
            ["votesAgainst"] = "7", ["abstentions"] = "3", ["documentSymbol"] = "CTOC/COP/2024/L.3",
        }, change.LedgerDetails);
    }

    [Fact]
    public void A_refusing_referral_decision_carries_the_not_admitted_code()
    {
        var application = Referred();
        application.RecordReferralDecision(ReferralDecision.Create(false, "Bureau", new DateOnly(2026, 6, 1), 3, 5, 0, "CTOC/COP/2026/2"), Officer, Now);
        Assert.Equal((ApplicationState.NotAdmitted, HistoryReasons.ReferralNotAdmitted), (application.State, application.Changes[^1].ReasonCode));
        Assert.StartsWith("Bureau, 2026-06-01: not admitted (3 in favour", application.Changes[^1].Reason);
    }

    [Fact]
    public void Negative_vote_counts_are_refused_on_votes_for()
    {
        var error = Assert.Throws<InvalidFieldException>(() => ReferralDecision.Create(true, "Bureau", new DateOnly(2026, 6, 1), 1, 0, -1, "X"));
        Assert.Equal(("votes_for", RegistrationReasons.VotesNegative), (error.Field, error.Reason));
    }

    [Fact]
    public void A_withdrawal_without_a_reason_is_worded_by_the_service_and_one_with_a_reason_keeps_the_organizations_words()
    {
        var dialogue = Dialogue(CirculationPolicy.All);
        var silent = Eligible(dialogue, "A", EcosocStatus.None).Application;
        silent.Withdraw(null, Member, Now);
        Assert.Equal(("Withdrawn by the organization", HistoryReasons.WithdrawnByOrganization), (silent.Changes[^1].Reason, silent.Changes[^1].ReasonCode));

        var explained = Eligible(dialogue, "B", EcosocStatus.None).Application;
        explained.Withdraw("We cannot attend", Member, Now);
        Assert.Equal(("We cannot attend", ""), (explained.Changes[^1].Reason, explained.Changes[^1].ReasonCode));
    }

    [Fact]
    public void An_organization_not_told_of_objections_reads_the_windows_decisions_in_neutral_words_and_others_read_them_as_recorded()
    {
        var excluded = Circulated(CirculationPolicy.All);
        excluded.CloseObjectionWindow(1, ObjectionEffect.Exclude, Now.AddDays(14));
        var referred = Circulated(CirculationPolicy.All);
        referred.CloseObjectionWindow(1, ObjectionEffect.Refer, Now.AddDays(14));

        var neutral = excluded.Changes[^1].ReasonAsSeen(toldOfObjections: false);
        Assert.Equal(("Decided when the circulation period closed", HistoryReasons.DecidedAtClose), (neutral.Text, neutral.Code));
        Assert.Empty(neutral.Metadata);
        Assert.Equal(("Referred for a decision when the circulation period closed", HistoryReasons.ReferredAtClose),
            (referred.Changes[^1].ReasonAsSeen(false).Text, referred.Changes[^1].ReasonAsSeen(false).Code));
        Assert.Equal(("An objection by a State party stood at the deadline", HistoryReasons.ObjectionStoodExcluded),
            (excluded.Changes[^1].ReasonAsSeen(true).Text, excluded.Changes[^1].ReasonAsSeen(true).Code));

        // The secretariat's own steps are never rewritten, told or not.
        var circulation = referred.Changes.Single(c => c.To == ApplicationState.Circulated).ReasonAsSeen(false);
        Assert.Equal(HistoryReasons.Circulated, circulation.Code);
        Assert.Equal("2026-05-15T09:00:00Z", circulation.Metadata["deadline_at"]);
    }

    static Application Referred()
    {
        var application = Circulated(CirculationPolicy.All);
        application.CloseObjectionWindow(1, ObjectionEffect.Refer, Now.AddDays(14));
        return application;
    }

    static Application Circulated(CirculationPolicy policy)
    {
        var dialogue = Dialogue(policy);
        var application = Eligible(dialogue, "Migrant Rights Network", EcosocStatus.None).Application;
        application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        return application;
    }

    static EligibleApplicant Eligible(Dialogue dialogue, string name, EcosocStatus ecosoc)
    {
        var organization = Organization.Create(name, null, StakeholderCategory.Ngo, "KEN", ecosoc, null, [], Member.Subject, Now);
        var application = Application.Submit(organization, dialogue, Member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        return new EligibleApplicant(application, organization);
    }

    static Dialogue Dialogue(CirculationPolicy policy) =>
        Accreditation.Registration.Domain.Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2026, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(7), 14, 40, new DialoguePolicy(policy, ObjectionEffect.Refer, false, 2), Now.AddDays(-20));
}

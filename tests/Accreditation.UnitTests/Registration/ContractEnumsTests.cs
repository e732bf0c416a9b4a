using Accreditation.Registration.Api;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Errors;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.UnitTests.Registration;

/// <summary>
/// Every domain enum value of Registration maps to the v1 value of its name and back, every v1
/// value but UNSPECIFIED has a domain value, and an unset value in a request is refused naming its
/// field: a value added on one side only fails here.
/// </summary>
public sealed class ContractEnumsTests
{
    static string Name<T>(T value) where T : struct, Enum => value.ToString().Replace("_", "").ToUpperInvariant();

    /// <summary>Both ways for every value; the v1 enum has exactly one more value, its UNSPECIFIED.</summary>
    static void BothWays<TDomain, TContract>(Func<TDomain, TContract> toContract, Func<TContract, TDomain> toDomain)
        where TDomain : struct, Enum where TContract : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var contract = toContract(value);
            Assert.Equal(Name(value), Name(contract));
            Assert.NotEqual(0, Convert.ToInt32(contract));
            Assert.Equal(value, toDomain(contract));
        }
        Assert.Equal(Enum.GetValues<TDomain>().Length + 1, Enum.GetValues<TContract>().Length);
        foreach (var contract in Enum.GetValues<TContract>().Where(c => Convert.ToInt32(c) != 0))
            Assert.Equal(contract, toContract(toDomain(contract)));
    }

    /// <summary>A request's unset value is INVALID_ARGUMENT on its field, listing the values allowed.</summary>
    static void RefusesUnset<TContract>(Action<TContract, string> parse) where TContract : struct, Enum
    {
        var error = Assert.Throws<InvalidFieldException>(() => parse(default, "the_field"));
        Assert.Equal(("the_field", CommonReasons.ValueNotAllowed), (error.Field, error.Reason));
        Assert.Equal(string.Join(", ", Enum.GetNames<TContract>().Skip(1)), error.Metadata["allowed_values"]);
    }

    [Fact]
    public void Application_states_map_both_ways_and_an_unset_state_is_refused()
    {
        BothWays<ApplicationState, V1.ApplicationState>(s => s.ToContract(), s => s.ToDomain("state"));
        RefusesUnset<V1.ApplicationState>((s, f) => s.ToDomain(f));
    }

    [Fact]
    public void Stakeholder_categories_map_both_ways_and_an_unset_category_is_refused()
    {
        BothWays<StakeholderCategory, V1.StakeholderCategory>(c => c.ToContract(), c => c.ToDomain("category"));
        RefusesUnset<V1.StakeholderCategory>((c, f) => c.ToDomain(f));
    }

    [Fact]
    public void Ecosoc_statuses_map_both_ways_and_an_unset_status_is_refused()
    {
        BothWays<EcosocStatus, V1.EcosocStatus>(s => s.ToContract(), s => s.ToDomain("ecosoc_status"));
        RefusesUnset<V1.EcosocStatus>((s, f) => s.ToDomain(f));
    }

    [Fact]
    public void Circulation_policies_map_both_ways_and_an_unset_policy_is_refused()
    {
        BothWays<CirculationPolicy, V1.CirculationPolicy>(p => p.ToContract(), p => p.ToDomain("policy.circulation"));
        RefusesUnset<V1.CirculationPolicy>((p, f) => p.ToDomain(f));
    }

    [Fact]
    public void Objection_effects_map_both_ways_and_an_unset_effect_is_refused()
    {
        BothWays<ObjectionEffect, V1.ObjectionEffect>(e => e.ToContract(), e => e.ToDomain("policy.objection_effect"));
        RefusesUnset<V1.ObjectionEffect>((e, f) => e.ToDomain(f));
    }

    [Fact]
    public void Attendance_modes_map_both_ways_and_an_unset_mode_is_refused()
    {
        BothWays<AttendanceMode, V1.AttendanceMode>(m => m.ToContract(), m => m.ToDomain("mode"));
        RefusesUnset<V1.AttendanceMode>((m, f) => m.ToDomain(f));
    }

    [Fact]
    public void Ledger_export_formats_map_both_ways_and_an_unset_format_is_refused()
    {
        BothWays<LedgerExportFormat, V1.ExportFormat>(f => f.ToContract(), f => f.ToDomain("format"));
        RefusesUnset<V1.ExportFormat>((v, f) => v.ToDomain(f));
    }

    [Fact]
    public void Representative_statuses_and_regional_groups_map_to_the_v1_value_of_their_name()
    {
        // Answers only: no request carries them, so the way back is the mapping's own inverse.
        foreach (var status in Enum.GetValues<RepresentativeStatus>())
            Assert.Equal(Name(status), Name(status.ToContract()));
        Assert.Equal(Enum.GetValues<RepresentativeStatus>().Length, Enum.GetValues<RepresentativeStatus>().Select(s => s.ToContract()).Distinct().Count());
        Assert.Equal(Enum.GetValues<V1.RepresentativeStatus>().Length - 1, Enum.GetValues<RepresentativeStatus>().Length);
        foreach (var group in Enum.GetValues<RegionalGroup>())
            Assert.Equal(Name(group), Name(group.ToContract()));
        Assert.Equal(Enum.GetValues<V1.RegionalGroup>().Length - 1, Enum.GetValues<RegionalGroup>().Select(g => g.ToContract()).Distinct().Count());
    }

    [Fact]
    public void Verification_problems_map_both_ways_with_no_problem_as_the_v1_zero()
    {
        // Here 0 is meaningful: a verified ledger has no problem.
        Assert.Equal(V1.VerificationProblem.Unspecified, LedgerProblem.None.ToContract());
        foreach (var problem in Enum.GetValues<LedgerProblem>())
        {
            Assert.Equal(problem, problem.ToContract().ToDomain());
            if (problem != LedgerProblem.None)
                Assert.Equal(Name(problem), Name(problem.ToContract()));
        }
        Assert.Equal(Enum.GetValues<V1.VerificationProblem>().Length, Enum.GetValues<LedgerProblem>().Length);
        foreach (var problem in Enum.GetValues<V1.VerificationProblem>())
            Assert.Equal(problem, problem.ToDomain().ToContract());
    }

    [Fact]
    public void Screening_and_referral_outcomes_read_as_yes_or_no_and_an_unset_outcome_is_refused()
    {
        Assert.Equal((true, false), (V1.ScreeningOutcome.Eligible.FoundEligible("outcome"), V1.ScreeningOutcome.Ineligible.FoundEligible("outcome")));
        Assert.Equal((true, false), (V1.ReferralOutcome.Admitted.Admits("outcome"), V1.ReferralOutcome.NotAdmitted.Admits("outcome")));
        Assert.Equal(3, Enum.GetValues<V1.ScreeningOutcome>().Length);
        Assert.Equal(3, Enum.GetValues<V1.ReferralOutcome>().Length);
        RefusesUnset<V1.ScreeningOutcome>((o, f) => o.FoundEligible(f));
        RefusesUnset<V1.ReferralOutcome>((o, f) => o.Admits(f));
    }

    [Fact]
    public void Next_steps_parties_and_invitation_states_map_both_ways()
    {
        BothWays<NextStepKind, V1.NextStepKind>(k => k.ToContract(), k => k.ToDomain());
        BothWays<Party, V1.Party>(p => p.ToContract(), p => p.ToDomain());
        BothWays<InvitationState, V1.InvitationState>(s => s.ToContract(), s => s.ToDomain());
        Assert.Throws<ArgumentOutOfRangeException>(() => V1.Party.Unspecified.ToDomain());
    }

    [Fact]
    public void A_value_outside_the_domain_enum_is_never_sent_as_a_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ApplicationState)99).ToContract());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RegionalGroup)99).ToContract());
        Assert.Throws<InvalidFieldException>(() => ((V1.ApplicationState)99).ToDomain("state"));
    }
}

using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Errors;
using static Accreditation.Registration.Domain.ApplicationState;

namespace Accreditation.UnitTests.Registration;

public sealed class ApplicationLifecycleTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    [Fact]
    public void The_transition_table_is_exactly_the_life_of_an_application_in_the_design()
    {
        // DESIGN.md section 2 ("Life of an application"), the diagram line by line. The repository
        // holds its own copy so that it is self-contained: change both together.
        (ApplicationState, ApplicationState)[] design =
        [
            (Draft, Submitted),
            (Submitted, InformationRequested), (InformationRequested, Submitted), (InformationRequested, Lapsed),
            (Submitted, Ineligible), (Submitted, Eligible),
            (Eligible, Admitted), (Eligible, Circulated),
            (Circulated, Admitted), (Circulated, NotAdmitted), (Circulated, Referred),
            (Referred, Admitted), (Referred, NotAdmitted),
            // "any state before a decision -> Withdrawn"
            (Draft, Withdrawn), (Submitted, Withdrawn), (InformationRequested, Withdrawn),
            (Eligible, Withdrawn), (Circulated, Withdrawn), (Referred, Withdrawn),
        ];
        Assert.Equal(design.ToHashSet(), ApplicationLifecycle.Transitions.ToHashSet());
        // No state beyond the diagram's.
        Assert.Equal(design.SelectMany(t => new[] { t.Item1, t.Item2 }).ToHashSet(), Enum.GetValues<ApplicationState>().ToHashSet());
    }

    [Fact]
    public void Submission_outside_the_registration_period_is_refused_with_the_period()
    {
        var dialogue = Dialogue(opens: Now.AddDays(-10), closes: Now.AddDays(-1));
        var error = Assert.Throws<RuleViolationException>(() => Application.Submit(Organization(), dialogue, Member, Now));
        Assert.Contains(dialogue.RegistrationClosesAt.ToString("u"), error.Message);
    }

    [Fact]
    public void A_submitted_application_records_who_when_and_the_states_before_and_after()
    {
        var application = SubmittedApplication();
        var change = Assert.Single(application.Changes);
        Assert.Equal((Draft, Submitted, "user-1", "organization", Now), (change.From, change.To, change.ActorSubject, change.ActorRole, change.At));
    }

    [Fact]
    public void Ineligibility_needs_a_reason()
    {
        var error = Assert.Throws<InvalidFieldException>(() => SubmittedApplication().Screen(eligible: false, reason: " ", Officer, Now));
        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void A_transition_the_rules_do_not_have_is_refused_naming_the_current_state()
    {
        var application = SubmittedApplication();
        var error = Assert.Throws<RuleViolationException>(() => application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now));
        Assert.Contains("is Submitted", error.Message);
        Assert.Equal(Submitted, application.State);
        Assert.Single(application.Changes);
    }

    [Theory]
    [InlineData(0, ObjectionEffect.Exclude, Admitted)]
    [InlineData(1, ObjectionEffect.Exclude, NotAdmitted)]
    [InlineData(0, ObjectionEffect.Refer, Admitted)]
    [InlineData(2, ObjectionEffect.Refer, Referred)]
    public void At_the_deadline_the_objection_effect_decides(int standing, ObjectionEffect effect, ApplicationState outcome)
    {
        var application = CirculatedApplication();
        application.CloseObjectionWindow(standing, effect, Now.AddDays(15));
        Assert.Equal(outcome, application.State);
        Assert.Equal(standing > 0, application.ObjectionRaised);
        Assert.Equal("system", application.Changes[^1].ActorRole);
    }

    [Fact]
    public void A_referred_application_is_settled_by_the_recorded_decision()
    {
        var application = CirculatedApplication();
        application.CloseObjectionWindow(1, ObjectionEffect.Refer, Now.AddDays(15));
        application.RecordReferralDecision(admitted: true, "Conference of the Parties, 57-7, CTOC/COP/2024/L.3", Officer, Now.AddDays(30));
        Assert.Equal(Admitted, application.State);
        Assert.Equal(Now.AddDays(30), application.DecidedAt);
    }

    [Fact]
    public void A_decided_application_cannot_be_withdrawn()
    {
        var application = CirculatedApplication();
        application.CloseObjectionWindow(0, ObjectionEffect.Exclude, Now.AddDays(15));
        var error = Assert.Throws<RuleViolationException>(() => application.Withdraw("changed our mind", Member, Now.AddDays(16)));
        Assert.Contains("is Admitted", error.Message);
    }

    [Fact]
    public void An_organization_with_ecosoc_status_is_not_circulated_when_the_policy_says_so()
    {
        var dialogue = Dialogue(policy: new DialoguePolicy(CirculationPolicy.WithoutEcosocStatus, ObjectionEffect.Exclude, false, 2));
        Assert.False(dialogue.Circulates(Organization(EcosocStatus.Special)));
        Assert.True(dialogue.Circulates(Organization(EcosocStatus.None)));
    }

    [Fact]
    public void An_unanswered_information_request_lapses_only_once_its_date_has_passed()
    {
        var application = SubmittedApplication();
        application.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now);
        Assert.Throws<RuleViolationException>(() => application.Lapse(Now.AddDays(3).AddTicks(-1)));
        application.Lapse(Now.AddDays(3));
        Assert.Equal((Lapsed, "system"), (application.State, application.Changes[^1].ActorRole));
    }

    static Application SubmittedApplication() => Application.Submit(Organization(), Dialogue(), Member, Now);

    static Application CirculatedApplication()
    {
        var application = SubmittedApplication();
        application.Screen(eligible: true, null, Officer, Now);
        application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        return application;
    }

    static Organization Organization(EcosocStatus status = EcosocStatus.None) =>
        Accreditation.Registration.Domain.Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN",
            status, "https://mrn.example.org", ["smuggling of migrants"], "user-1", Now);

    static Dialogue Dialogue(DateTimeOffset? opens = null, DateTimeOffset? closes = null, DialoguePolicy? policy = null) =>
        Accreditation.Registration.Domain.Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session",
            new DateOnly(2026, 7, 1), "Vienna", opens ?? Now.AddDays(-1), closes ?? Now.AddDays(7), 14, 40,
            policy ?? new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now.AddDays(-20));
}

using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Errors;
using static Accreditation.Registration.Domain.ApplicationState;

namespace Accreditation.UnitTests.Registration;

/// <summary>
/// Every operation of an application tried from every state it can be in: what the code does is
/// exactly the transition table (DESIGN.md section 2), and every refusal names the current state.
/// </summary>
public sealed class ApplicationOperationsTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    static readonly (string Name, Action<Application> Apply)[] Operations =
    [
        ("screen eligible", a => a.Screen(true, null, Officer, Now)),
        ("screen ineligible", a => a.Screen(false, "Not a stakeholder of the Convention", Officer, Now)),
        ("request information", a => a.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now)),
        ("answer", a => a.AnswerInformationRequest("Attached.", Member, Now)),
        ("lapse", a => a.Lapse(Now.AddDays(30))),
        ("circulate", a => a.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now)),
        ("admit without circulation", a => a.AdmitWithoutCirculation(Officer, Now)),
        ("close window, no objection", a => a.CloseObjectionWindow(0, ObjectionEffect.Exclude, Now)),
        ("close window, exclude", a => a.CloseObjectionWindow(1, ObjectionEffect.Exclude, Now)),
        ("close window, refer", a => a.CloseObjectionWindow(1, ObjectionEffect.Refer, Now)),
        ("referral admits", a => a.RecordReferralDecision(true, "Bureau, 57-7, CTOC/COP/2024/L.3", Officer, Now)),
        ("referral refuses", a => a.RecordReferralDecision(false, "Bureau, 7-57, CTOC/COP/2024/L.4", Officer, Now)),
        ("withdraw", a => a.Withdraw("Changed our plans", Member, Now)),
    ];

    [Fact]
    public void The_operations_make_exactly_the_transitions_of_the_table_and_refuse_the_rest_naming_the_state()
    {
        var made = new HashSet<(ApplicationState, ApplicationState)>();
        var wrong = new List<string>();
        foreach (var (start, path) in Paths)
            foreach (var (name, apply) in Operations)
            {
                var application = Build(path);
                Assert.Equal(start, application.State);
                try
                {
                    apply(application);
                    made.Add((start, application.State));
                    if (!ApplicationLifecycle.Allows(start, application.State))
                        wrong.Add($"{name} moved {start} to {application.State}");
                }
                catch (RuleViolationException e)
                {
                    if (!e.Message.Contains($"is {start}"))
                        wrong.Add($"{name} from {start} was refused without naming the state: {e.Message}");
                    Assert.Equal(start, application.State);
                }
            }

        Assert.Empty(wrong);
        // Draft is never stored (a submission is born Submitted), so Draft -> Withdrawn is the one transition no operation makes.
        Assert.Equal(ApplicationLifecycle.Transitions.Where(t => t.From != Draft).ToHashSet(), made);
    }

    /// <summary>How to bring a fresh application to each state the code can hold.</summary>
    static readonly (ApplicationState State, Action<Application>[] Path)[] Paths =
    [
        (Submitted, []),
        (InformationRequested, [a => a.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now)]),
        (Lapsed, [a => a.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now), a => a.Lapse(Now.AddDays(3))]),
        (Ineligible, [a => a.Screen(false, "Out of scope", Officer, Now)]),
        (Eligible, [a => a.Screen(true, null, Officer, Now)]),
        (Circulated, [a => a.Screen(true, null, Officer, Now), a => a.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now)]),
        (Referred, [a => a.Screen(true, null, Officer, Now), a => a.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now),
            a => a.CloseObjectionWindow(1, ObjectionEffect.Refer, Now)]),
        (Admitted, [a => a.Screen(true, null, Officer, Now), a => a.AdmitWithoutCirculation(Officer, Now)]),
        (NotAdmitted, [a => a.Screen(true, null, Officer, Now), a => a.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now),
            a => a.CloseObjectionWindow(1, ObjectionEffect.Exclude, Now)]),
        (Withdrawn, [a => a.Withdraw("No longer needed", Member, Now)]),
    ];

    static Application Build(Action<Application>[] path)
    {
        var organization = Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN",
            EcosocStatus.None, null, [], "user-1", Now);
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2026, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(7), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Refer, false, 2), Now.AddDays(-20));
        var application = Application.Submit(organization, dialogue, Member, Now);
        foreach (var step in path)
            step(application);
        return application;
    }
}

using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;

namespace Accreditation.UnitTests.Registration;

/// <summary>A profile change the States parties see reaches the history of the open applications and the States' copies.</summary>
public sealed class ProfileChangeTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    [Fact]
    public void A_change_the_States_see_is_recorded_in_each_open_application_in_submission_order_and_the_circulated_ones_carry_it()
    {
        var (submitted, circulated, admitted) = Applications();

        var change = ProfileChange.Record(["name", "areas_of_work", "country"], [circulated, admitted, submitted], Member, Now.AddDays(2));

        Assert.True(change.IsSeenByStates);
        Assert.Equal(["name", "country"], change.SeenByStates);
        Assert.Equal([circulated, submitted], change.Recorded);
        Assert.Equal([circulated], change.Circulated);
        Assert.Equal(LedgerKinds.ProfileChanged, submitted.Changes[^1].LedgerKind);
        Assert.DoesNotContain(admitted.Changes, c => c.LedgerKind == LedgerKinds.ProfileChanged);
    }

    [Fact]
    public void A_change_the_States_do_not_see_records_nothing()
    {
        var (submitted, circulated, _) = Applications();
        var before = (submitted.Changes.Count, circulated.Changes.Count);

        var change = ProfileChange.Record(["areas_of_work"], [submitted, circulated], Member, Now.AddDays(2));

        Assert.False(change.IsSeenByStates);
        Assert.Empty(change.Recorded);
        Assert.Equal(before, (submitted.Changes.Count, circulated.Changes.Count));
    }

    static (Application Submitted, Application Circulated, Application Admitted) Applications()
    {
        var organization = Organization.Create("Migrant Rights Network", null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], Member.Subject, Now);
        Application Submit(int day) => Application.Submit(organization, Dialogue(), Member, Now.AddHours(day));
        var circulated = Submit(0);
        circulated.Screen(eligible: true, null, Officer, Now);
        circulated.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        var admitted = Submit(1);
        admitted.Screen(eligible: true, null, Officer, Now);
        admitted.AdmitWithoutCirculation(Officer, Now);
        return (Submit(2), circulated, admitted);
    }

    static Dialogue Dialogue() =>
        Accreditation.Registration.Domain.Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session",
            new DateOnly(2026, 7, 1), "Vienna", Now.AddDays(-1), Now.AddDays(7), 14, 40,
            new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now.AddDays(-20));
}

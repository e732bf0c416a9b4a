using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Objections;

public sealed class ObjectionTests
{
    static readonly DateTimeOffset Opened = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Deadline = Opened.AddDays(14);

    [Fact]
    public void Objection_after_deadline_is_refused()
    {
        var (circulation, applicant) = Circulation();
        var error = Assert.Throws<RuleViolationException>(() => Objection.File(circulation, applicant, "AUT", null, Deadline));
        Assert.Contains("objection period closed", error.Message);
    }

    [Fact]
    public void An_objection_can_be_withdrawn_until_the_deadline_and_only_once()
    {
        var (circulation, applicant) = Circulation();
        var objection = Objection.File(circulation, applicant, "AUT", "grounds", Opened.AddDays(1));
        objection.Withdraw(circulation, Deadline.AddTicks(-1));
        Assert.False(objection.IsStanding);
        Assert.Throws<RuleViolationException>(() => objection.Withdraw(circulation, Deadline.AddTicks(-1)));
    }

    [Fact]
    public void Withdrawal_after_the_deadline_is_refused()
    {
        var (circulation, applicant) = Circulation();
        var objection = Objection.File(circulation, applicant, "AUT", null, Opened.AddDays(1));
        Assert.Throws<RuleViolationException>(() => objection.Withdraw(circulation, Deadline.AddMinutes(1)));
        Assert.True(objection.IsStanding);
    }

    [Fact]
    public void The_tally_counts_standing_objections_and_gives_zero_to_applicants_without_any()
    {
        var (circulation, applicant) = Circulation();
        var other = Guid.NewGuid();
        var standing = Objection.File(circulation, applicant, "AUT", null, Opened);
        var withdrawn = Objection.File(circulation, applicant, "BRA", null, Opened);
        withdrawn.Withdraw(circulation, Opened.AddDays(1));

        var tally = Objection.Tally([applicant.ApplicationId, other], [standing, withdrawn]);

        Assert.Equal([(applicant.ApplicationId, 1), (other, 0)], tally);
    }

    [Fact]
    public void No_objection_is_filed_against_a_withdrawn_application()
    {
        var (circulation, applicant) = Circulation();
        applicant.Withdraw(Opened.AddDays(1));
        applicant.Withdraw(Opened.AddDays(2));

        var error = Assert.Throws<RuleViolationException>(() => Objection.File(circulation, applicant, "AUT", null, Opened.AddDays(3)));

        Assert.Contains($"withdrawn by the organization at {Opened.AddDays(1):u}", error.Message);
    }

    static (Circulation, CirculatedApplicant) Circulation()
    {
        var circulation = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Opened, Deadline);
        var applicant = new CirculatedApplicant(Guid.NewGuid(), circulation.Id, Guid.NewGuid(), "Migrant Rights Network", "MRN", "Ngo", "KEN", "None", "");
        circulation.Applicants.Add(applicant);
        return (circulation, applicant);
    }
}

using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Objections;

/// <summary>A State party lists its own objections only; the secretariat lists every one.</summary>
public sealed class ObjectionVisibilityTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_state_party_sees_its_own_objections_and_the_secretariat_every_one()
    {
        var circulation = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Now, Now.AddDays(14));
        var applicant = new CirculatedApplicant(Guid.NewGuid(), circulation.Id, Guid.NewGuid(), "Applicant", "AP", "Ngo", "KEN", "None", "");
        var objections = new[] { "AUT", "FRA" }.Select(s => Objection.File(circulation, applicant, s, "grounds", Now.AddDays(1))).ToList().AsQueryable();

        Assert.Equal(["AUT"], objections.Where(Objection.VisibleTo(new Caller("state-aut", Roles.State, "AUT"))).Select(o => o.StateCode));
        Assert.Equal(["AUT", "FRA"], objections.Where(Objection.VisibleTo(new Caller("auditor-1", Roles.Auditor, null))).Select(o => o.StateCode));
        Assert.Throws<AccessDeniedException>(() => Objection.VisibleTo(new Caller("state-x", Roles.State, null)));
    }
}

using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Auth;

namespace Accreditation.UnitTests.Registration;

/// <summary>Who learns that a State objected: the application, its history and the right of reply read the one rule.</summary>
public sealed class ObjectionDisclosureTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");
    static readonly Caller OrganizationUser = new(Member.Subject, Roles.Organization, null);
    static readonly Caller[] Secretariat = [new("officer-1", Roles.Officer, null), new("auditor-1", Roles.Auditor, null)];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void The_organization_is_told_of_objections_only_where_the_dialogue_discloses_them(bool discloses, bool told)
    {
        var (_, dialogue) = Objected(ObjectionEffect.Exclude, discloses);
        Assert.Equal(told, ObjectionDisclosure.TellsOfObjections(OrganizationUser, dialogue));
        Assert.Equal(told, ObjectionDisclosure.TellsOfObjections(OrganizationUser, dialogueDiscloses: discloses));
        Assert.All(Secretariat, caller => Assert.True(ObjectionDisclosure.TellsOfObjections(caller, dialogue)));
    }

    [Theory]
    [InlineData(ObjectionEffect.Exclude, false, false)]
    [InlineData(ObjectionEffect.Exclude, true, true)]
    [InlineData(ObjectionEffect.Refer, false, true)]
    [InlineData(ObjectionEffect.Refer, true, true)]
    public void On_the_right_of_reply_the_organization_also_sees_an_objection_that_referred_its_application(ObjectionEffect effect, bool discloses, bool sees)
    {
        var (application, dialogue) = Objected(effect, discloses);
        Assert.Equal(sees, ObjectionDisclosure.ShowsObjectionToReplyTo(OrganizationUser, application, dialogue));
        Assert.All(Secretariat, caller => Assert.True(ObjectionDisclosure.ShowsObjectionToReplyTo(caller, application, dialogue)));
    }

    [Fact]
    public void Where_nobody_objected_nobody_sees_an_objection_on_the_right_of_reply()
    {
        var (application, dialogue) = Circulated(ObjectionEffect.Refer, discloses: true);
        application.CloseObjectionWindow(0, ObjectionEffect.Refer, Now.AddDays(15));
        Assert.False(ObjectionDisclosure.ShowsObjectionToReplyTo(OrganizationUser, application, dialogue));
        Assert.All(Secretariat, caller => Assert.False(ObjectionDisclosure.ShowsObjectionToReplyTo(caller, application, dialogue)));
    }

    static (Application, Dialogue) Objected(ObjectionEffect effect, bool discloses)
    {
        var (application, dialogue) = Circulated(effect, discloses);
        application.CloseObjectionWindow(1, effect, Now.AddDays(15));
        return (application, dialogue);
    }

    static (Application, Dialogue) Circulated(ObjectionEffect effect, bool discloses)
    {
        var dialogue = Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session",
            new DateOnly(2026, 7, 1), "Vienna", Now.AddDays(-1), Now.AddDays(7), 14, 40,
            new DialoguePolicy(CirculationPolicy.WithoutEcosocStatus, effect, discloses, 2), Now.AddDays(-20));
        var organization = Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN",
            EcosocStatus.Special, "https://mrn.example.org", [], Member.Subject, Now);
        var application = Application.Submit(organization, dialogue, Member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        return (application, dialogue);
    }
}

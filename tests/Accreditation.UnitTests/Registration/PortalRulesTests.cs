using Accreditation.Registration.Api;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Errors;
using static Accreditation.Registration.Domain.ApplicationState;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.UnitTests.Registration;

/// <summary>The rules behind the portal's pages: timeline, profile changes, dialogue edits, invitations.</summary>
public sealed class PortalRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateOnly DialogueDay = new(2026, 7, 1);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    static Organization NewOrganization() =>
        Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN", EcosocStatus.None, "https://mrn.example", ["smuggling"], "user-1", Now);

    /// <summary>Registration open from a day ago for a week; the dialogue on 1 July 2026.</summary>
    static Dialogue NewDialogue() =>
        Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", DialogueDay, "Vienna",
            Now.AddDays(-1), Now.AddDays(7), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Refer, false, 2), Now.AddDays(-20));

    static (Application Application, Dialogue Dialogue) InState(ApplicationState state)
    {
        var dialogue = NewDialogue();
        var a = Application.Submit(NewOrganization(), dialogue, Member, Now);
        void Circulate() { a.Screen(true, null, Officer, Now); a.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now); }
        switch (state)
        {
            case Submitted: break;
            case InformationRequested: a.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now); break;
            case Lapsed: a.RequestInformation("Statutes?", Now.AddDays(3), Officer, Now); a.Lapse(Now.AddDays(3)); break;
            case Ineligible: a.Screen(false, "Out of scope", Officer, Now); break;
            case Eligible: a.Screen(true, null, Officer, Now); break;
            case Circulated: Circulate(); break;
            case Referred: Circulate(); a.CloseObjectionWindow(1, ObjectionEffect.Refer, Now); break;
            case Admitted: a.Screen(true, null, Officer, Now); a.AdmitWithoutCirculation(Officer, Now); break;
            case NotAdmitted: Circulate(); a.CloseObjectionWindow(1, ObjectionEffect.Exclude, Now); break;
            case Withdrawn: a.Withdraw("No longer needed", Member, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(state));
        }
        Assert.Equal(state, a.State);
        return (a, dialogue);
    }

    public static TheoryData<ApplicationState, NextStepKind?, Party?, string?> NextSteps() => new()
    {
        { Submitted, NextStepKind.AwaitingScreening, Party.Secretariat, null },
        { InformationRequested, NextStepKind.AwaitingAnswer, Party.Organization, "2026-05-04T09:00:00+00:00" },
        { Eligible, NextStepKind.AwaitingCirculation, Party.Secretariat, null },
        { Circulated, NextStepKind.ObjectionWindow, Party.States, "2026-05-15T09:00:00+00:00" },
        { Referred, NextStepKind.AwaitingReferralDecision, Party.Secretariat, null },
        { Admitted, NextStepKind.NominateDelegation, Party.Organization, "2026-07-01T00:00:00+00:00" },
        { Lapsed, null, null, null },
        { Ineligible, null, null, null },
        { NotAdmitted, null, null, null },
        { Withdrawn, null, null, null },
    };

    [Theory]
    [MemberData(nameof(NextSteps))]
    public void The_next_step_names_what_the_application_waits_for_who_acts_and_by_when(ApplicationState state, NextStepKind? kind, Party? party, string? due)
    {
        var (application, dialogue) = InState(state);
        var next = NextStep.For(application, dialogue, Now);
        Assert.Equal(kind, next?.Kind);
        Assert.Equal(party, next?.Party);
        Assert.Equal(due is null ? null : DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), next?.Due);
    }

    [Fact]
    public void Once_the_dialogue_is_over_an_admitted_application_waits_for_nothing()
    {
        var (application, dialogue) = InState(Admitted);
        var onTheDay = new DateTimeOffset(DialogueDay.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        Assert.NotNull(NextStep.For(application, dialogue, onTheDay));
        Assert.Null(NextStep.For(application, dialogue, onTheDay.AddDays(1)));
    }

    [Fact]
    public void Every_next_step_kind_and_party_maps_to_the_contract_and_back()
    {
        foreach (var kind in Enum.GetValues<NextStepKind>())
            Assert.Equal(kind, kind.ToContract().ToDomain());
        foreach (var party in Enum.GetValues<Party>())
            Assert.Equal(party, party.ToContract().ToDomain());
        foreach (var kind in Enum.GetValues<V1.NextStepKind>().Where(k => k != V1.NextStepKind.Unspecified))
            Assert.Equal(kind, kind.ToDomain().ToContract());
        foreach (var party in Enum.GetValues<V1.Party>().Where(p => p != V1.Party.Unspecified))
            Assert.Equal(party, party.ToDomain().ToContract());
        Assert.Equal(V1.NextStepKind.ObjectionWindow, NextStepKind.ObjectionWindow.ToContract());
        Assert.Equal(V1.Party.States, Party.States.ToContract());
        Assert.Throws<ArgumentOutOfRangeException>(() => V1.NextStepKind.Unspecified.ToDomain());
        Assert.Throws<ArgumentOutOfRangeException>(() => V1.Party.Unspecified.ToDomain());
    }

    [Fact]
    public void Every_invitation_state_maps_to_the_contract_and_back()
    {
        foreach (var state in Enum.GetValues<InvitationState>())
            Assert.Equal(state, state.ToContract().ToDomain());
        foreach (var state in Enum.GetValues<V1.InvitationState>().Where(s => s != V1.InvitationState.Unspecified))
            Assert.Equal(state, state.ToDomain().ToContract());
        Assert.Equal(V1.InvitationState.Cancelled, InvitationState.Cancelled.ToContract());
        Assert.Throws<ArgumentOutOfRangeException>(() => V1.InvitationState.Unspecified.ToDomain());
    }

    [Fact]
    public void A_profile_update_names_the_fields_that_changed()
    {
        var organization = NewOrganization();
        var changed = organization.Update(OrganizationProfile.Parse("Migrant Rights Network International", "MRN", StakeholderCategory.Ngo, " ken ",
            EcosocStatus.Special, "https://mrn.example", ["smuggling", "trafficking"]));
        Assert.Equal(["name", "ecosoc_status", "areas_of_work"], changed);
        Assert.Equal(("Migrant Rights Network International", "KEN", EcosocStatus.Special), (organization.Name, organization.Country, organization.EcosocStatus));
        Assert.Equal(["name", "ecosoc_status"], changed.Where(Organization.SeenByStates.Contains));
        Assert.Empty(organization.Update(OrganizationProfile.Parse(organization.Name, organization.Acronym, organization.Category, organization.Country,
            organization.EcosocStatus, organization.Website, organization.AreasOfWork)));
    }

    [Theory]
    [InlineData("Kenya", "https://mrn.example", "country")]
    [InlineData("KEN", "ftp://mrn.example", "website")]
    public void A_profile_update_is_validated_like_a_new_profile(string country, string website, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() =>
            OrganizationProfile.Parse("Network", null, StakeholderCategory.Ngo, country, EcosocStatus.None, website, [])).Field);

    [Theory]
    [InlineData(Submitted)]
    [InlineData(InformationRequested)]
    [InlineData(Eligible)]
    [InlineData(Circulated)]
    [InlineData(Referred)]
    public void A_profile_change_enters_the_history_of_an_open_application_without_moving_it(ApplicationState state)
    {
        var (application, _) = InState(state);
        var before = application.Changes.Count;
        application.RecordProfileChange(["name", "country"], Member, Now.AddHours(1));
        var change = Assert.Single(application.Changes.Skip(before));
        Assert.Equal((state, state, "Profile changed: name, country"), (change.From, change.To, change.Reason));
        Assert.True(change.IsProfileChange);
        Assert.Equal(state, application.State);
    }

    [Theory]
    [InlineData(Admitted)]
    [InlineData(NotAdmitted)]
    [InlineData(Lapsed)]
    [InlineData(Withdrawn)]
    public void A_decided_or_closed_application_takes_no_profile_change(ApplicationState state)
    {
        var (application, _) = InState(state);
        Assert.Contains($"is {state}", Assert.Throws<RuleViolationException>(() => application.RecordProfileChange(["name"], Member, Now)).Message);
    }

    static IReadOnlyList<string> Update(Dialogue d, DateTimeOffset now, string? venue = null, int? capacity = null,
        ObjectionEffect? effect = null, DateTimeOffset? closes = null, DateOnly? date = null) =>
        d.Update(d.WorkingGroup, d.Session, date ?? d.Date, venue ?? d.Venue, null, closes ?? d.RegistrationClosesAt, d.ObjectionPeriodDays,
            capacity ?? d.InPersonCapacity, d.Policy with { ObjectionEffect = effect ?? d.Policy.ObjectionEffect }, now);

    [Fact]
    public void While_registration_is_open_every_field_of_a_dialogue_can_change()
    {
        var dialogue = NewDialogue();
        var changed = Update(dialogue, Now, venue: "Vienna International Centre", capacity: 30, effect: ObjectionEffect.Exclude, closes: Now.AddDays(10));
        Assert.Equal(["venue", "registration_closes_at", "in_person_capacity", "policy.objection_effect"], changed);
        Assert.Equal((30, ObjectionEffect.Exclude), (dialogue.InPersonCapacity, dialogue.Policy.ObjectionEffect));
    }

    [Fact]
    public void After_registration_closed_harmless_fields_change_and_outcome_fields_are_refused_by_name()
    {
        var dialogue = NewDialogue();
        var closed = dialogue.RegistrationClosesAt;
        Assert.Equal(["venue"], Update(dialogue, closed, venue: "Online only"));
        Assert.Empty(Update(dialogue, closed.AddDays(1), capacity: 40));

        var capacity = Assert.Throws<RuleViolationException>(() => Update(dialogue, closed, capacity: 10));
        Assert.Contains("in_person_capacity", capacity.Message);
        Assert.Contains("Registration closed", capacity.Message);
        Assert.Contains("policy.objection_effect", Assert.Throws<RuleViolationException>(() => Update(dialogue, closed, effect: ObjectionEffect.Exclude)).Message);
        Assert.Contains("registration_closes_at", Assert.Throws<RuleViolationException>(() => Update(dialogue, closed, closes: closed.AddDays(3))).Message);
        // Nothing of a refused update was applied.
        Assert.Equal((40, ObjectionEffect.Refer, "Online only"), (dialogue.InPersonCapacity, dialogue.Policy.ObjectionEffect, dialogue.Venue));
    }

    [Fact]
    public void A_dialogue_update_is_validated_like_a_new_dialogue()
    {
        var dialogue = NewDialogue();
        Assert.Equal("registration_closes_at", Assert.Throws<InvalidFieldException>(() => Update(dialogue, Now, date: DateOnly.FromDateTime(Now.AddDays(2).UtcDateTime))).Field);
        Assert.Equal("in_person_capacity", Assert.Throws<InvalidFieldException>(() => Update(dialogue, Now, capacity: -1)).Field);
    }

    [Fact]
    public void A_pending_invitation_is_cancelled_and_can_no_longer_be_accepted()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "colleague@example.org", "founder", Now);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now));
        invitation.Cancel("founder", Now.AddHours(1));
        Assert.Equal(InvitationState.Cancelled, invitation.StateAt(Now.AddHours(2)));
        Assert.Contains("is Cancelled", Assert.Throws<RuleViolationException>(() => invitation.Accept("colleague", "colleague@example.org", Now.AddHours(2))).Message);
        Assert.Contains("is Cancelled", Assert.Throws<RuleViolationException>(() => invitation.Cancel("founder", Now.AddHours(2))).Message);
    }

    [Fact]
    public void An_accepted_or_expired_invitation_cannot_be_cancelled_and_the_refusal_names_its_state()
    {
        var (accepted, _) = Invitation.Create(Guid.NewGuid(), "colleague@example.org", "founder", Now);
        accepted.Accept("colleague", "colleague@example.org", Now);
        Assert.Contains("is Accepted", Assert.Throws<RuleViolationException>(() => accepted.Cancel("founder", Now)).Message);
        var (expired, _) = Invitation.Create(Guid.NewGuid(), "late@example.org", "founder", Now);
        var later = Now + Invitation.Lifetime + TimeSpan.FromMinutes(1);
        Assert.Equal(InvitationState.Expired, expired.StateAt(later));
        Assert.Contains("is Expired", Assert.Throws<RuleViolationException>(() => expired.Cancel("founder", later)).Message);
    }
}

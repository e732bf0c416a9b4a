using Accreditation.Contracts;
using Accreditation.Notifications.Domain;

namespace Accreditation.UnitTests.Notifications;

public sealed class NoticePlannerTests
{
    static readonly string Org = SampleEvents.Organization;
    static readonly string ObjectingState = Recipients.State(SampleEvents.ObjectingState);

    static (string Kind, string Recipient)[] Notices(IEnumerable<NoticeDraft> drafts) =>
        drafts.Select(d => (d.Kind, d.Recipient)).OrderBy(n => n.Kind, StringComparer.Ordinal).ToArray();

    static (string Kind, string Recipient)[] Expected(params (string Kind, string Recipient)[] notices) =>
        notices.OrderBy(n => n.Kind, StringComparer.Ordinal).ToArray();

    static IEnumerable<string> Rendered(NoticeDraft draft) =>
        NoticeTemplates.Languages.Select(l => NoticeTemplates.Embedded.Render(draft, l)).Select(r => r.Subject + "\n" + r.Body);

    [Fact]
    public void Recipients_are_spelled_organization_id_state_code_states_and_secretariat()
    {
        Assert.Equal("organization:a1d0c3e2-7f55-4e0b-8d6c-3b2a19f0e7c4", Recipients.Organization(SampleEvents.OrganizationId));
        Assert.Equal("state:AUT", Recipients.State("aut"));
        Assert.Equal("states", Recipients.States);
        Assert.Equal("secretariat", Recipients.Secretariat);
    }

    [Fact]
    public void Submission_tells_the_organization_it_was_received_and_the_secretariat_it_awaits_screening()
    {
        var drafts = NoticePlanner.For(SampleEvents.Submitted());
        Assert.Equal(Expected((NoticeKinds.ApplicationReceived, Org), (NoticeKinds.ApplicationAwaitingScreening, Recipients.Secretariat)), Notices(drafts));
        Assert.All(drafts, d => Assert.Equal(SampleEvents.ApplicationId, d.ApplicationId));
    }

    [Fact]
    public void Screening_tells_only_the_organization_whether_it_is_eligible()
    {
        Assert.Equal(Expected((NoticeKinds.ApplicationEligible, Org)), Notices(NoticePlanner.For(SampleEvents.Screened(true))));
        Assert.Equal(Expected((NoticeKinds.ApplicationIneligible, Org)), Notices(NoticePlanner.For(SampleEvents.Screened(false, "x"))));
    }

    [Fact]
    public void An_ineligible_organization_is_given_the_reason()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.Screened(false, "Not a non-governmental organization.")));
        Assert.All(Rendered(draft), text => Assert.Contains("Not a non-governmental organization.", text));
    }

    [Fact]
    public void An_information_request_gives_the_organization_the_question_and_the_answer_by_date()
    {
        var e = SampleEvents.InformationRequested();
        var draft = Assert.Single(NoticePlanner.For(e));
        Assert.Equal((NoticeKinds.InformationRequested, Org), (draft.Kind, draft.Recipient));
        Assert.All(Rendered(draft), text =>
        {
            Assert.Contains(e.Question, text);
            Assert.Contains(NoticePlanner.Format(e.AnswerBy), text);
        });
    }

    [Fact]
    public void Circulation_tells_each_applicant_with_the_deadline_and_sends_one_note_to_every_state_party()
    {
        var e = SampleEvents.Circulated();
        var drafts = NoticePlanner.For(e);
        Assert.Equal(Expected(
            (NoticeKinds.ApplicationCirculated, Org),
            (NoticeKinds.ApplicationCirculated, Recipients.Organization(e.Applicants[1].OrganizationId)),
            (NoticeKinds.CirculationNote, Recipients.States)), Notices(drafts));
        Assert.All(drafts.Where(d => d.Kind == NoticeKinds.ApplicationCirculated), d =>
            Assert.All(Rendered(d), text => Assert.Contains(NoticePlanner.Format(e.Deadline), text)));
        var toOrganization = drafts.Single(d => d.Recipient == Org);
        Assert.Equal(SampleEvents.ApplicationId, toOrganization.ApplicationId);
    }

    [Fact]
    public void The_circulation_note_lists_organization_level_data_only_and_the_deadline()
    {
        var e = SampleEvents.Circulated();
        var note = NoticePlanner.For(e).Single(d => d.Kind == NoticeKinds.CirculationNote);
        Assert.Null(note.ApplicationId);
        Assert.All(Rendered(note), text =>
        {
            Assert.Contains("Women Against Trafficking Network (WATN), Ngo, AUT", text);
            Assert.Contains("Institute for Migration Studies, Academia, MEX", text);
            Assert.Contains(NoticePlanner.Format(e.Deadline), text);
            Assert.DoesNotContain("example.org", text); // no website
            Assert.DoesNotContain("Special", text); // no ECOSOC status
        });
    }

    [Fact]
    public void An_organization_with_two_applications_in_one_circulation_gets_one_notice()
    {
        var e = SampleEvents.Circulated();
        var twice = e with { Applicants = [e.Applicants[0], e.Applicants[0] with { ApplicationId = Guid.NewGuid() }] };
        var toOrganization = Assert.Single(NoticePlanner.For(twice), d => d.Recipient == Org);
        Assert.Null(toOrganization.ApplicationId);
    }

    [Fact]
    public void Objection_filed_never_names_the_state_to_the_organization()
    {
        var drafts = NoticePlanner.For(SampleEvents.ObjectionFiled());
        Assert.DoesNotContain(drafts, d => Recipients.IsOrganization(d.Recipient));
        Assert.Equal(Expected((NoticeKinds.ObjectionFiled, Recipients.Secretariat), (NoticeKinds.ObjectionReceipt, ObjectingState)), Notices(drafts));
    }

    [Fact]
    public void The_secretariat_learns_which_state_objected_and_on_what_grounds()
    {
        var draft = NoticePlanner.For(SampleEvents.ObjectionFiled()).Single(d => d.Recipient == Recipients.Secretariat);
        Assert.All(Rendered(draft), text =>
        {
            Assert.Contains(SampleEvents.ObjectingState, text);
            Assert.Contains("Not independent of a political party.", text);
        });
    }

    [Fact]
    public void Objection_withdrawn_is_told_to_the_secretariat_and_the_state_only()
    {
        var drafts = NoticePlanner.For(SampleEvents.ObjectionWithdrawn());
        Assert.Equal(Expected((NoticeKinds.ObjectionWithdrawn, Recipients.Secretariat), (NoticeKinds.ObjectionWithdrawalReceipt, ObjectingState)), Notices(drafts));
    }

    [Fact]
    public void Window_closed_tells_the_secretariat_how_many_applicants_and_how_many_with_standing_objections()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.WindowClosed()));
        Assert.Equal((NoticeKinds.ObjectionWindowClosed, Recipients.Secretariat), (draft.Kind, draft.Recipient));
        Assert.Equal("3", draft.Values["ApplicantCount"]);
        Assert.Equal("2", draft.Values["ObjectedCount"]);
        var english = NoticeTemplates.Embedded.Render(draft, "en").Body;
        Assert.Contains("Applicants circulated: 3", english);
        Assert.Contains("Applicants with a standing objection: 2", english);
    }

    [Theory]
    [InlineData(ApplicationStates.Admitted, NoticeKinds.ApplicationAdmitted)]
    [InlineData(ApplicationStates.NotAdmitted, NoticeKinds.ApplicationNotAdmitted)]
    [InlineData(ApplicationStates.Referred, NoticeKinds.ApplicationReferred)]
    public void A_decision_tells_the_organization_its_outcome_and_the_secretariat_that_it_was_decided(string outcome, string kind)
    {
        var drafts = NoticePlanner.For(SampleEvents.Decided(outcome));
        Assert.Equal(Expected((kind, Org), (NoticeKinds.ApplicationDecided, Recipients.Secretariat)), Notices(drafts));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void A_decision_mentions_an_objection_to_the_organization_only_when_raised_and_disclosed(bool raised, bool disclose, bool mentioned)
    {
        foreach (var outcome in new[] { ApplicationStates.Admitted, ApplicationStates.NotAdmitted, ApplicationStates.Referred })
        {
            var withObjection = NoticePlanner.For(SampleEvents.Decided(outcome, raised, disclose)).Single(d => d.Recipient == Org);
            var english = NoticeTemplates.Embedded.Render(withObjection, "en").Body;
            Assert.Equal(mentioned, english.Contains("objection", StringComparison.OrdinalIgnoreCase));
            foreach (var language in NoticeTemplates.Languages)
            {
                var without = NoticeTemplates.Embedded.Render(NoticePlanner.For(SampleEvents.Decided(outcome)).Single(d => d.Recipient == Org), language).Body;
                var body = NoticeTemplates.Embedded.Render(withObjection, language).Body;
                Assert.Equal(mentioned, body != without);
            }
        }
    }

    [Fact]
    public void A_decision_never_gives_the_organization_the_recorded_reason_which_may_reveal_an_objection()
    {
        var e = SampleEvents.Decided(ApplicationStates.NotAdmitted, objectionRaised: true, disclose: false, reason: "An objection by a State party stood at the deadline");
        var drafts = NoticePlanner.For(e);
        Assert.All(Rendered(drafts.Single(d => d.Recipient == Org)), text => Assert.DoesNotContain(e.Reason, text));
        Assert.All(Rendered(drafts.Single(d => d.Recipient == Recipients.Secretariat)), text => Assert.Contains(e.Reason, text));
    }

    [Fact]
    public void A_decision_with_an_unknown_outcome_is_refused_rather_than_guessed()
    {
        Assert.Throws<ArgumentException>(() => NoticePlanner.For(SampleEvents.Decided("Lapsed")));
    }

    [Fact]
    public void Withdrawal_is_confirmed_to_the_organization_and_told_to_the_secretariat()
    {
        var drafts = NoticePlanner.For(SampleEvents.Withdrawn());
        Assert.Equal(Expected((NoticeKinds.WithdrawalConfirmed, Org), (NoticeKinds.ApplicationWithdrawn, Recipients.Secretariat)), Notices(drafts));
    }

    [Fact]
    public void No_notice_to_an_organization_ever_contains_the_objecting_states_code()
    {
        var toOrganizations = SampleEvents.AllDrafts().Where(d => Recipients.IsOrganization(d.Draft.Recipient)).ToList();
        Assert.NotEmpty(toOrganizations);
        foreach (var (_, draft) in toOrganizations)
        {
            Assert.DoesNotContain(draft.Values.Values, v => v.Contains(SampleEvents.ObjectingState, StringComparison.Ordinal));
            Assert.All(Rendered(draft), text => Assert.DoesNotContain(SampleEvents.ObjectingState, text));
        }
    }

    [Fact]
    public void No_notice_to_every_state_party_contains_an_objecting_state_or_grounds()
    {
        foreach (var (_, draft) in SampleEvents.AllDrafts().Where(d => d.Draft.Recipient == Recipients.States))
            Assert.All(Rendered(draft), text => Assert.DoesNotContain(SampleEvents.ObjectingState, text));
    }

    [Fact]
    public void Every_event_produces_at_most_one_notice_of_a_kind_per_recipient()
    {
        foreach (var group in SampleEvents.AllDrafts().GroupBy(d => d.Event))
            Assert.Equal(group.Count(), group.Select(d => (d.Draft.Kind, d.Draft.Recipient)).Distinct().Count());
    }

    [Fact]
    public void Every_kind_of_notice_is_produced_by_some_event()
    {
        Assert.Equal(NoticeKinds.All.Except(NoticeKinds.AccountEmails).Except(NoticeKinds.LedgerWitness).Order(StringComparer.Ordinal), SampleEvents.AllDrafts().Select(d => d.Draft.Kind).Distinct().Order(StringComparer.Ordinal));
    }
}

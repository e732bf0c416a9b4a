using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration.Programme;

/// <summary>Rules of the dialogue itself: programme, agenda, panels, speakers, attendance and participation, without a host.</summary>
public sealed class ProgrammeRulesTests
{
    static readonly DateOnly Day = new(2026, 7, 1);
    static readonly DateTimeOffset Before = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset OnTheDay = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset After = new(2026, 7, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    [Fact]
    public void The_first_working_group_of_the_programme_becomes_the_dialogues_own_and_the_others_follow_it()
    {
        var dialogue = NewDialogue();
        var programme = DialogueProgramme.Empty(dialogue.Id);
        programme.Update(dialogue, " 2023 constructive dialogues ",
            [new("Working Group on International Cooperation", "fourteenth session"), new("Working Group on Technical Assistance", "fifteenth session")],
            [new("Ms. A", "Chair", ChairRole.Chair), new("Mr. B", "Vice-Chair", ChairRole.CoChair), new("Ms. C", "", ChairRole.CoChair)],
            "https://meet.example.org/dialogue", Officer, Before);

        Assert.Equal(("Working Group on International Cooperation", "fourteenth session"), (dialogue.WorkingGroup, dialogue.Session));
        Assert.Equal(["Working Group on International Cooperation", "Working Group on Technical Assistance"], programme.WorkingGroups(dialogue).Select(g => g.Name));
        Assert.Equal("2023 constructive dialogues", programme.Series);
        Assert.Equal([ChairRole.Chair, ChairRole.CoChair, ChairRole.CoChair], programme.Chairs.Select(c => c.Role));
    }

    [Theory]
    [InlineData("working_groups", 0, 0, "")]
    [InlineData("chairs", 1, 2, "")]
    [InlineData("online_meeting_url", 1, 0, "http://meet.example.org/plain")]
    [InlineData("online_meeting_url", 1, 0, "/relative")]
    public void A_programme_without_a_working_group_with_two_chairs_or_an_unencrypted_meeting_address_is_refused(
        string field, int groups, int chairs, string url)
    {
        var dialogue = NewDialogue();
        var error = Assert.Throws<InvalidFieldException>(() => DialogueProgramme.Empty(dialogue.Id).Update(dialogue, "",
            Enumerable.Range(0, groups).Select(i => new WorkingGroupSession($"Group {i}", "first session")).ToList(),
            Enumerable.Range(0, chairs).Select(i => new Chair($"Chair {i}", "", ChairRole.Chair)).ToList(), url, Officer, Before));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_chair_without_a_role_names_the_field()
    {
        var dialogue = NewDialogue();
        var error = Assert.Throws<InvalidFieldException>(() => DialogueProgramme.Empty(dialogue.Id).Update(dialogue, "",
            [new("Group", "session")], [new("Ms. A", "", (ChairRole)0)], "", Officer, Before));
        Assert.Equal("chairs[0].role", error.Field);
    }

    [Theory]
    [InlineData(0, "Briefing", "number")]
    [InlineData(100, "Briefing", "number")]
    [InlineData(2, " ", "title")]
    public void An_agenda_item_needs_a_number_from_1_to_99_and_a_title(int number, string title, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => AgendaItem.Add(NewDialogue(), number, title, AgendaItemKind.Briefing)).Field);
    }

    [Fact]
    public void An_agenda_item_with_panellists_or_speakers_cannot_be_removed()
    {
        var item = AgendaItem.Add(NewDialogue(), 3, "Panel", AgendaItemKind.Panel);
        item.EnsureRemovable(0, 0);
        Assert.Contains("1 panellist(s)", Assert.Throws<RuleViolationException>(() => item.EnsureRemovable(1, 0)).Message);
    }

    [Fact]
    public void Panellists_are_invited_to_panel_items_only_and_answer_once_before_the_dialogue()
    {
        var (dialogue, application) = Admitted();
        var representative = Nominate(application, dialogue);
        var briefing = AgendaItem.Add(dialogue, 2, "Briefing by the secretariat", AgendaItemKind.Briefing);
        Assert.Contains("is a Briefing item", Assert.Throws<RuleViolationException>(() => Panellist.Invite(dialogue, briefing, representative, application, Officer, Before)).Message);

        var panel = AgendaItem.Add(dialogue, 3, "Panel discussion", AgendaItemKind.Panel);
        var panellist = Panellist.Invite(dialogue, panel, representative, application, Officer, Before);
        Assert.Equal(PanellistStatus.Invited, panellist.Status);
        panellist.Answer(accept: true, dialogue, Member, Before);
        Assert.Equal(PanellistStatus.Accepted, panellist.Status);
        Assert.Contains("is Accepted already", Assert.Throws<RuleViolationException>(() => panellist.Answer(false, dialogue, Member, Before)).Message);

        var late = Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before);
        Assert.Contains("took place on 2026-07-01", Assert.Throws<RuleViolationException>(() => late.Answer(true, dialogue, Member, After)).Message);
    }

    [Fact]
    public void An_organization_user_sees_its_own_invitations_and_floor_requests_and_only_the_others_accepted_panellists()
    {
        var (dialogue, application) = Admitted();
        var panel = AgendaItem.Add(dialogue, 3, "Panel discussion", AgendaItemKind.Panel);
        var invited = Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before);
        var accepted = Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before);
        accepted.Answer(accept: true, dialogue, Member, Before);
        var own = new HashSet<Guid> { application.OrganizationId };
        var stranger = new HashSet<Guid> { Guid.NewGuid() };

        Assert.Equal((true, true), (invited.IsSeenBy(own), accepted.IsSeenBy(own)));
        Assert.Equal((false, true), (invited.IsSeenBy(stranger), accepted.IsSeenBy(stranger)));

        var request = Floor(dialogue, application, out var named);
        Assert.True(request.IsSeenBy(own));
        Assert.True(request.IsSeenBy(new HashSet<Guid> { named }));
        Assert.False(request.IsSeenBy(stranger));
    }

    [Fact]
    public void A_withdrawn_representative_is_not_invited_to_a_panel()
    {
        var (dialogue, application) = Admitted();
        var representative = Nominate(application, dialogue);
        representative.Withdraw(Member, Before);
        var panel = AgendaItem.Add(dialogue, 3, "Panel discussion", AgendaItemKind.Panel);
        Assert.Contains("is Withdrawn", Assert.Throws<RuleViolationException>(() => Panellist.Invite(dialogue, panel, representative, application, Officer, Before)).Message);
    }

    [Fact]
    public void A_speaker_speaks_only_for_other_admitted_organizations_each_named_once()
    {
        var (dialogue, application) = Admitted();
        var item = AgendaItem.Add(dialogue, 4, "Collection of inputs", AgendaItemKind.CollectionOfInputs);
        var (first, second, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        HashSet<Guid> admitted = [first, second, application.OrganizationId];
        FloorRequest Request(params Guid[] onBehalf) => FloorRequest.Request(dialogue, item, application, null, onBehalf, admitted, 1, Member, Before);

        Assert.Equal("on_behalf_of_organization_ids", Assert.Throws<InvalidFieldException>(() => Request(first, first)).Field);
        Assert.Equal("on_behalf_of_organization_ids", Assert.Throws<InvalidFieldException>(() => Request(application.OrganizationId)).Field);
        Assert.Contains("not admitted", Assert.Throws<RuleViolationException>(() => Request(first, stranger)).Message);
        var floor = Request(first, second);
        Assert.All(floor.OnBehalf, o => Assert.Equal(OnBehalfStatus.Pending, o.Status));
        Assert.True(floor.Concerns(second));
        Assert.False(floor.Concerns(stranger));
        Assert.Contains("list of speakers is closed", Assert.Throws<RuleViolationException>(() =>
            FloorRequest.Request(dialogue, item, application, null, [], admitted, 1, Member, After)).Message);
    }

    [Fact]
    public void An_organization_not_named_in_a_floor_request_finds_nothing_to_confirm()
    {
        var (dialogue, application) = Admitted();
        var floor = Floor(dialogue, application, out var named);
        floor.AnswerOnBehalf(named, confirm: true, Member, Before);
        Assert.Equal(OnBehalfStatus.Confirmed, floor.OnBehalf.Single().Status);
        Assert.Throws<NotFoundException>(() => floor.AnswerOnBehalf(Guid.NewGuid(), true, Member, Before));
    }

    [Fact]
    public void A_speaker_is_marked_as_having_spoken_from_the_dialogues_day_and_its_statement_published_after_it()
    {
        var (dialogue, application) = Admitted();
        var floor = Floor(dialogue, application, out _);
        Assert.Contains("takes place on 2026-07-01", Assert.Throws<RuleViolationException>(() => floor.MarkSpoke(dialogue, Before)).Message);
        Assert.Equal("text", Assert.Throws<InvalidFieldException>(() => floor.SubmitStatement(" ", null, Before)).Field);
        floor.SubmitStatement("Our statement.", null, Before);
        Assert.Contains("is Requested", Assert.Throws<RuleViolationException>(() => floor.PublishStatement(dialogue, Officer, After)).Message);

        floor.MarkSpoke(dialogue, OnTheDay);
        Assert.Contains("published once it is over", Assert.Throws<RuleViolationException>(() => floor.PublishStatement(dialogue, Officer, OnTheDay)).Message);
        floor.PublishStatement(dialogue, Officer, After);
        Assert.True(floor.StatementPublished);
        Assert.Contains("can no longer change", Assert.Throws<RuleViolationException>(() => floor.SubmitStatement("Changed.", null, After)).Message);
        Assert.Contains("is Spoke", Assert.Throws<RuleViolationException>(() => floor.Withdraw(After)).Message);
    }

    [Fact]
    public void The_secretariat_orders_every_open_request_once_and_withdrawn_ones_go_last()
    {
        var (dialogue, application) = Admitted();
        var item = AgendaItem.Add(dialogue, 4, "Collection of inputs", AgendaItemKind.CollectionOfInputs);
        var requests = Enumerable.Range(1, 3).Select(p => FloorRequest.Request(dialogue, item, application, null, [], new HashSet<Guid>(), p, Member, Before)).ToList();
        requests[0].Withdraw(Before);

        Assert.Equal("floor_request_ids", Assert.Throws<InvalidFieldException>(() => SpeakersList.Order(requests, [requests[2].Id])).Field);
        Assert.Equal("floor_request_ids", Assert.Throws<InvalidFieldException>(() => SpeakersList.Order(requests, [requests[2].Id, requests[2].Id])).Field);
        SpeakersList.Order(requests, [requests[2].Id, requests[1].Id]);
        Assert.Equal([3, 2, 1], requests.Select(r => r.Position));
    }

    [Fact]
    public void Attendance_is_recorded_on_the_dialogues_day_only_and_keeps_no_personal_data()
    {
        var (dialogue, application) = Admitted();
        var representative = Nominate(application, dialogue);
        Assert.Contains("takes place on 2026-07-01", Assert.Throws<RuleViolationException>(() => Attendance.CheckIn(dialogue, representative, Officer, Before)).Message);
        Assert.Throws<RuleViolationException>(() => Attendance.CheckIn(dialogue, representative, Officer, After));
        var attendance = Attendance.CheckIn(dialogue, representative, Officer, OnTheDay);
        Assert.Equal((representative.OrganizationId, AttendanceMode.InPerson), (attendance.OrganizationId, attendance.Mode));
        Assert.DoesNotContain(typeof(Attendance).GetProperties(), p => p.Name.Contains("Name") || p.Name.Contains("Email"));
    }

    [Fact]
    public void The_programmes_refusals_name_their_reason_and_the_values_the_portal_words()
    {
        var (dialogue, application) = Admitted();
        var floor = Floor(dialogue, application, out _);
        var stranger = Guid.NewGuid();
        var item = AgendaItem.Add(dialogue, 4, "Collection of inputs", AgendaItemKind.CollectionOfInputs);

        var notAdmitted = Assert.Throws<RuleViolationException>(() =>
            FloorRequest.Request(dialogue, item, application, null, [stranger], new HashSet<Guid>(), 1, Member, Before));
        Assert.Equal((RegistrationReasons.OnBehalfNotAdmitted, stranger.ToString()), (notAdmitted.Reason, notAdmitted.Metadata["organization_id"]));
        var early = Assert.Throws<RuleViolationException>(() => floor.MarkSpoke(dialogue, Before));
        Assert.Equal((RegistrationReasons.NobodySpokeYet, "2026-07-01"), (early.Reason, early.Metadata["date_on"]));
        var status = Assert.Throws<RuleViolationException>(() => floor.PublishStatement(dialogue, Officer, After));
        Assert.Equal((RegistrationReasons.FloorRequestStatusRefuses, "Requested", "Spoke"),
            (status.Reason, status.Metadata["floor_request_status"], status.Metadata["expected_status"]));
        Assert.Equal($"floor-requests/{floor.Id}", status.Subject);
        var kind = Assert.Throws<RuleViolationException>(() => item.EnsurePanel());
        Assert.Equal((RegistrationReasons.NotAPanelItem, "4", "CollectionOfInputs"), (kind.Reason, kind.Metadata["number"], kind.Metadata["agenda_item_kind"]));
        var tooLong = Assert.Throws<InvalidFieldException>(() => AgendaItem.Add(dialogue, 5, new string('x', 301), AgendaItemKind.Briefing));
        Assert.Equal((CommonReasons.FieldTooLong, "300"), (tooLong.Reason, tooLong.Metadata["max_length"]));
        Assert.Equal(CommonReasons.FieldRequired, Assert.Throws<InvalidFieldException>(() => JoinCode.Parse(" ")).Reason);
    }

    [Fact]
    public void Join_codes_go_to_online_representatives_and_are_unguessable()
    {
        var (dialogue, application) = Admitted();
        Assert.Contains("is InPerson", Assert.Throws<RuleViolationException>(() => JoinCode.Issue(Nominate(application, dialogue), Before)).Message);
        var online = Nominate(application, dialogue, AttendanceMode.Online);
        var (first, second) = (JoinCode.Issue(online, Before), JoinCode.Issue(online, Before));
        Assert.Equal(32, first.Code.Length);
        Assert.NotEqual(first.Code, second.Code);
        Assert.Equal(first.Code, JoinCode.Parse(" " + first.Code.ToUpperInvariant() + " "));
        Assert.Equal("join_code", Assert.Throws<InvalidFieldException>(() => JoinCode.Parse("../etc")).Field);
    }

    [Fact]
    public void The_door_search_ignores_case_and_accents()
    {
        Assert.True(CheckInSearch.Matches("jose", "José Martínez", "Red Jurídica"));
        Assert.True(CheckInSearch.Matches("JURIDICA", "Ana", "Red Jurídica"));
        Assert.False(CheckInSearch.Matches("pedro", "José Martínez", "Red Jurídica"));
    }

    [Fact]
    public void After_the_dialogue_an_organization_took_part_only_if_one_of_its_representatives_attended()
    {
        var (ngo, academia, absent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var figures = Participation.FromAttendance(
        [
            new(ngo, StakeholderCategory.Ngo, "KEN", Guid.NewGuid(), AttendanceMode.InPerson),
            new(ngo, StakeholderCategory.Ngo, "KEN", Guid.NewGuid(), AttendanceMode.Online),
            new(academia, StakeholderCategory.Academia, "FRA", Guid.NewGuid(), AttendanceMode.Online),
        ]);
        Assert.Equal(ParticipationBasis.Attendance, figures.Basis);
        Assert.Equal((2, 1, 1, 0), (figures.Organizations, figures.In(StakeholderCategory.Ngo), figures.In(StakeholderCategory.Academia), figures.In(StakeholderCategory.PrivateSector)));
        Assert.Equal((1, 2, 1, 2), (figures.OrganizationsInPerson, figures.OrganizationsOnline, figures.RepresentativesInPerson, figures.RepresentativesOnline));
        Assert.Equal(1, figures.ByRegion.Single(r => r.Region == RegionalGroup.African).Organizations);

        var before = Participation.FromAdmissions([new(absent, StakeholderCategory.PrivateSector, "BRA"), new(ngo, StakeholderCategory.Ngo, "KEN")],
            [new(ngo, StakeholderCategory.Ngo, "KEN", Guid.NewGuid(), AttendanceMode.InPerson)]);
        Assert.Equal((ParticipationBasis.Admissions, 2, 1), (before.Basis, before.Organizations, before.In(StakeholderCategory.PrivateSector)));
    }

    [Fact]
    public void A_series_counts_each_organization_once_over_its_dialogues()
    {
        var ngo = Guid.NewGuid();
        IReadOnlyList<ParticipantFact> Attended(AttendanceMode mode) => [new(ngo, StakeholderCategory.Ngo, "KEN", Guid.NewGuid(), mode)];
        var series = Participation.Series(
        [
            (ParticipationBasis.Attendance, Attended(AttendanceMode.InPerson), []),
            (ParticipationBasis.Attendance, Attended(AttendanceMode.Online), []),
        ]);
        Assert.Equal((ParticipationBasis.Attendance, 1, 1, 1, 2), (series.Basis, series.Organizations, series.OrganizationsInPerson, series.OrganizationsOnline,
            series.RepresentativesInPerson + series.RepresentativesOnline));
        Assert.Equal(ParticipationBasis.Admissions, Participation.Series([(ParticipationBasis.Attendance, Attended(AttendanceMode.Online), []), (ParticipationBasis.Admissions, [], [])]).Basis);
    }

    [Fact]
    public async Task A_floor_request_is_shown_to_the_secretariat_and_the_organizations_it_concerns_until_its_statement_is_published()
    {
        var (dialogue, application) = Admitted();
        var floor = Floor(dialogue, application, out var named);
        var asked = 0;
        Func<Task<HashSet<Guid>>> Own(params Guid[] organizations) => () => { asked++; return Task.FromResult(organizations.ToHashSet()); };

        Assert.True(await floor.IsVisibleToAsync(secretariat: true, Own()));
        Assert.Equal(0, asked);
        Assert.True(await floor.IsVisibleToAsync(secretariat: false, Own(application.OrganizationId)));
        Assert.True(await floor.IsVisibleToAsync(secretariat: false, Own(named)));
        Assert.False(await floor.IsVisibleToAsync(secretariat: false, Own(Guid.NewGuid())));
        Assert.False(await floor.IsVisibleToAsync(secretariat: false, Own()));

        floor.MarkSpoke(dialogue, OnTheDay);
        floor.SubmitStatement("Our statement.", null, OnTheDay);
        floor.PublishStatement(dialogue, Officer, After);
        asked = 0;
        Assert.True(await floor.IsVisibleToAsync(secretariat: false, Own()));
        Assert.Equal(0, asked);
    }

    [Fact]
    public void A_second_check_in_returns_the_first_record_and_still_checks_the_day()
    {
        var (dialogue, application) = Admitted();
        var representative = Nominate(application, dialogue);
        var first = Attendance.CheckIn(dialogue, representative, recorded: null, Officer, OnTheDay);
        var joined = Attendance.JoinOnline(dialogue, representative, OnTheDay);

        Assert.Same(first, Attendance.CheckIn(dialogue, representative, first, new Actor("officer-2", "officer"), OnTheDay.AddHours(1)));
        Assert.Same(joined, Attendance.CheckIn(dialogue, representative, joined, Officer, OnTheDay));
        Assert.Equal(RegistrationReasons.NotTheDialogueDay,
            Assert.Throws<RuleViolationException>(() => Attendance.CheckIn(dialogue, representative, first, Officer, After)).Reason);
    }

    [Fact]
    public void A_join_link_records_attendance_at_its_first_use_on_the_dialogues_day_only()
    {
        var (dialogue, application) = Admitted();
        var online = Nominate(application, dialogue, AttendanceMode.Online);

        Assert.Null(Attendance.OnJoin(dialogue, online, recorded: false, Before));
        Assert.Null(Attendance.OnJoin(dialogue, online, recorded: false, After));
        Assert.Null(Attendance.OnJoin(dialogue, online, recorded: true, OnTheDay));
        var joined = Attendance.OnJoin(dialogue, online, recorded: false, OnTheDay);
        Assert.Equal((AttendanceMode.Online, Attendance.JoinLink, OnTheDay), (joined!.Mode, joined.RecordedBy, joined.RecordedAt));
    }

    [Fact]
    public void A_join_link_lapses_once_its_representative_is_withdrawn()
    {
        var (dialogue, application) = Admitted();
        var online = Nominate(application, dialogue, AttendanceMode.Online);
        var code = JoinCode.Issue(online, Before);
        code.EnsureAdmits(online);

        online.Withdraw(Member, Before.AddDays(1));
        var lapsed = Assert.Throws<RuleViolationException>(() => code.EnsureAdmits(online));
        Assert.Equal((RegistrationReasons.JoinLinkLapsed, "Withdrawn"), (lapsed.Reason, lapsed.Metadata["representative_status"]));
        Assert.Equal($"representatives/{online.Id}", lapsed.Subject);
    }

    [Fact]
    public void Listing_join_links_issues_a_code_to_each_online_representative_without_one_and_keeps_the_others()
    {
        var (dialogue, application) = Admitted();
        var (kept, missing) = (Nominate(application, dialogue, AttendanceMode.Online), Nominate(application, dialogue, AttendanceMode.Online));
        var issued = new Dictionary<Guid, JoinCode> { [kept.Id] = JoinCode.Issue(kept, Before) };
        var keptCode = issued[kept.Id].Code;

        var added = JoinCode.IssueMissing([kept, missing], issued, OnTheDay);

        Assert.Equal([missing.Id], added.Select(c => c.RepresentativeId));
        Assert.Equal(keptCode, issued[kept.Id].Code);
        Assert.Same(added.Single(), issued[missing.Id]);
        Assert.Empty(JoinCode.IssueMissing([kept, missing], issued, OnTheDay));
    }

    [Fact]
    public void The_public_page_names_speakers_who_spoke_the_organizations_that_confirmed_and_accepted_panellists_only()
    {
        var (dialogue, application) = Admitted();
        var floor = Floor(dialogue, application, out var named);
        Assert.False(PublicRecord.ShowsSpeaker(floor));
        Assert.Empty(PublicRecord.SpokenFor(floor));

        floor.AnswerOnBehalf(named, confirm: true, Member, Before);
        floor.MarkSpoke(dialogue, OnTheDay);
        Assert.True(PublicRecord.ShowsSpeaker(floor));
        Assert.Equal([named], PublicRecord.SpokenFor(floor).Select(o => o.OrganizationId));

        var refused = Floor(dialogue, application, out var declined);
        refused.AnswerOnBehalf(declined, confirm: false, Member, Before);
        refused.MarkSpoke(dialogue, OnTheDay);
        Assert.Empty(PublicRecord.SpokenFor(refused));
        var withdrawn = Floor(dialogue, application, out _);
        withdrawn.Withdraw(Before);
        Assert.False(PublicRecord.ShowsSpeaker(withdrawn));

        var panel = AgendaItem.Add(dialogue, 3, "Panel discussion", AgendaItemKind.Panel);
        var (accepted, declinedPanellist, invited) = (Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before),
            Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before),
            Panellist.Invite(dialogue, panel, Nominate(application, dialogue), application, Officer, Before));
        accepted.Answer(accept: true, dialogue, Member, Before);
        declinedPanellist.Answer(accept: false, dialogue, Member, Before);
        Assert.Equal([true, false, false], new[] { accepted, declinedPanellist, invited }.Select(PublicRecord.ShowsPanellist));
    }

    static FloorRequest Floor(Dialogue dialogue, Application application, out Guid named)
    {
        named = Guid.NewGuid();
        var item = AgendaItem.Add(dialogue, 4, "Collection of inputs", AgendaItemKind.CollectionOfInputs);
        return FloorRequest.Request(dialogue, item, application, null, [named], new HashSet<Guid> { named }, 1, Member, Before);
    }

    static Representative Nominate(Application application, Dialogue dialogue, AttendanceMode mode = AttendanceMode.InPerson) =>
        Representative.Nominate(application, dialogue, 0, 0, 1, RepresentativeDetails.Parse("Amina Diallo", "Director", "amina@example.org"), mode, Member, Before);

    static (Dialogue, Application) Admitted()
    {
        var dialogue = NewDialogue();
        var organization = Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN",
            EcosocStatus.Special, "https://mrn.example.org", [], "user-1", Before.AddDays(-30));
        var application = Application.Submit(organization, dialogue, Member, Before.AddDays(-20));
        application.Screen(eligible: true, null, Officer, Before.AddDays(-19));
        application.AdmitWithoutCirculation(Officer, Before.AddDays(-19));
        return (dialogue, application);
    }

    static Dialogue NewDialogue() =>
        Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session", Day, "Vienna",
            Before.AddDays(-25), Before.AddDays(7), 14, 40,
            new DialoguePolicy(CirculationPolicy.WithoutEcosocStatus, ObjectionEffect.Exclude, false, 5), Before.AddDays(-30));
}

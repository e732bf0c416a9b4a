using System.Text;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration;

/// <summary>Rules of representatives, replies to objections and written comments, without a host.</summary>
public sealed class ParticipationRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");
    static readonly Caller OrganizationUser = new(Member.Subject, Roles.Organization, null);
    static readonly RepresentativeDetails Details = RepresentativeDetails.Parse("Amina Diallo", "Director", "amina@example.org");

    [Fact]
    public void An_in_person_nomination_takes_a_seat_while_one_is_free_and_waits_otherwise()
    {
        var (application, dialogue) = Admitted(capacity: 2);
        Assert.Equal(RepresentativeStatus.InPerson, Nominate(application, dialogue, seatsTaken: 1).Status);
        Assert.Equal(RepresentativeStatus.WaitingList, Nominate(application, dialogue, seatsTaken: 2).Status);
        Assert.Equal(RepresentativeStatus.Online, Nominate(application, dialogue, seatsTaken: 2, mode: AttendanceMode.Online).Status);
    }

    [Fact]
    public void Nominations_need_an_admitted_application_and_room_in_the_quota()
    {
        var (application, dialogue) = Admitted(quota: 2);
        Assert.Contains("has 2 already", Assert.Throws<RuleViolationException>(() => Nominate(application, dialogue, active: 2)).Message);
        var submitted = Application.Submit(Organization(), dialogue, Member, Now);
        Assert.Contains("is Submitted", Assert.Throws<RuleViolationException>(() => Nominate(submitted, dialogue)).Message);
    }

    [Fact]
    public void Nominations_and_mode_changes_are_taken_up_to_the_end_of_the_dialogue_day_and_refused_after_it()
    {
        var (application, dialogue) = Admitted();
        var lastMinute = new DateTimeOffset(2026, 7, 1, 23, 59, 0, TimeSpan.Zero);
        var representative = Representative.Nominate(application, dialogue, 0, 0, 1, Details, AttendanceMode.InPerson, Member, lastMinute);
        Assert.Equal(RepresentativeStatus.InPerson, representative.Status);
        var error = Assert.Throws<RuleViolationException>(() =>
            Representative.Nominate(application, dialogue, 0, 0, 2, Details, AttendanceMode.InPerson, Member, lastMinute.AddMinutes(1)));
        Assert.Contains("took place on 2026-07-01", error.Message);
        Assert.Throws<RuleViolationException>(() => representative.ChangeMode(AttendanceMode.Online, dialogue, 1, 2, lastMinute.AddMinutes(1)));
        Assert.Equal(RepresentativeStatus.InPerson, representative.Status);
    }

    [Fact]
    public void Withdrawing_or_going_online_frees_a_seat_only_when_one_was_held()
    {
        var (application, dialogue) = Admitted(capacity: 1);
        var seated = Nominate(application, dialogue, seatsTaken: 0);
        var waiting = Nominate(application, dialogue, seatsTaken: 1);
        Assert.False(waiting.ChangeMode(AttendanceMode.Online, dialogue, 1, 9, Now));
        Assert.True(seated.ChangeMode(AttendanceMode.Online, dialogue, 1, 9, Now));
        // Back to in person with no seat free: the end of the waiting list.
        Assert.False(seated.ChangeMode(AttendanceMode.InPerson, dialogue, 1, 10, Now));
        Assert.Equal((RepresentativeStatus.WaitingList, 10L), (seated.Status, seated.Position));
        Assert.False(seated.Withdraw(Member, Now));
        Assert.Throws<RuleViolationException>(() => seated.Withdraw(Member, Now));
    }

    [Fact]
    public void Only_a_waiting_representative_moves_up()
    {
        var (application, dialogue) = Admitted(capacity: 1);
        var waiting = Nominate(application, dialogue, seatsTaken: 1);
        waiting.MoveUp(Now);
        Assert.Equal(RepresentativeStatus.InPerson, waiting.Status);
        Assert.Throws<RuleViolationException>(() => waiting.MoveUp(Now));
    }

    [Fact]
    public void A_purge_blanks_the_personal_data_once_and_keeps_the_mode()
    {
        var (application, dialogue) = Admitted();
        var representative = Nominate(application, dialogue, mode: AttendanceMode.Online);
        Assert.True(representative.Purge(Now));
        Assert.Equal(("", "", "", RepresentativeStatus.Online), (representative.FullName, representative.Title, representative.Email, representative.Status));
        Assert.False(representative.Purge(Now.AddDays(1)));
        Assert.Equal(Now, representative.PurgedAt);
    }

    [Theory]
    [InlineData("", "a@example.org", "full_name")]
    [InlineData("Amina Diallo", "not-an-address", "email")]
    [InlineData("Amina Diallo", "Amina <a@example.org>", "email")]
    public void Representative_details_are_checked_naming_the_field(string name, string email, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => RepresentativeDetails.Parse(name, "", email)).Field);

    [Fact]
    public void A_reply_to_an_objection_is_possible_only_while_referred()
    {
        var (application, dialogue) = Circulated(ObjectionEffect.Refer);
        Assert.Contains("is Circulated", Assert.Throws<RuleViolationException>(() => ObjectionReply.Submit(application, "Reply", Member, Now)).Message);
        application.CloseObjectionWindow(1, ObjectionEffect.Refer, Now.AddDays(15));
        Assert.True(ObjectionDisclosure.ShowsObjectionToReplyTo(OrganizationUser, application, dialogue));
        Assert.Equal("Reply", ObjectionReply.Submit(application, "Reply", Member, Now.AddDays(16)).Text);
        application.RecordReferralDecision(admitted: false, "Bureau, 3-5, CTOC/COP/2026/2", Officer, Now.AddDays(20));
        Assert.Contains("is NotAdmitted", Assert.Throws<RuleViolationException>(() => ObjectionReply.Submit(application, "Late", Member, Now.AddDays(21))).Message);
    }

    [Fact]
    public void Under_exclude_without_disclosure_the_organization_is_not_told_of_an_objection()
    {
        var (application, dialogue) = Circulated(ObjectionEffect.Exclude);
        application.CloseObjectionWindow(1, ObjectionEffect.Exclude, Now.AddDays(15));
        Assert.False(ObjectionDisclosure.ShowsObjectionToReplyTo(OrganizationUser, application, dialogue));
    }

    [Fact]
    public void Only_pdf_files_within_five_megabytes_are_attached()
    {
        Assert.Null(PdfDocument.Parse([], "x.pdf"));
        Assert.Equal("report.pdf", PdfDocument.Parse(Encoding.ASCII.GetBytes("%PDF-1.4 ..."), "../../report.pdf")!.FileName);
        Assert.Equal("comment.pdf", PdfDocument.Parse(Encoding.ASCII.GetBytes("%PDF-1.4 ..."), null)!.FileName);
        Assert.Equal("document", Assert.Throws<InvalidFieldException>(() => PdfDocument.Parse(Encoding.ASCII.GetBytes("%PDX-1.4"), "a.pdf")).Field);
        var large = new byte[PdfDocument.MaxBytes + 1];
        "%PDF-"u8.CopyTo(large);
        Assert.Equal("document", Assert.Throws<InvalidFieldException>(() => PdfDocument.Parse(large, "a.pdf")).Field);
        Assert.NotNull(PdfDocument.Parse(large.AsSpan(0, PdfDocument.MaxBytes), "a.pdf"));
    }

    [Fact]
    public void Comments_come_from_admitted_organizations_and_are_published_once()
    {
        var (application, _) = Admitted();
        var comment = WrittenComment.Submit(application, "Text", null, Member, Now);
        Assert.False(comment.IsVisibleTo(secretariat: false, memberOfAuthor: false));
        Assert.True(comment.IsVisibleTo(secretariat: false, memberOfAuthor: true));
        comment.Publish(Officer, Now);
        Assert.True(comment.IsVisibleTo(secretariat: false, memberOfAuthor: false));
        Assert.Throws<RuleViolationException>(() => comment.Publish(Officer, Now));
        var (circulated, _) = Circulated(ObjectionEffect.Exclude);
        Assert.Throws<RuleViolationException>(() => WrittenComment.Submit(circulated, "Text", null, Member, Now));
    }

    static Representative Nominate(Application application, Dialogue dialogue, int active = 0, int seatsTaken = 0,
        AttendanceMode mode = AttendanceMode.InPerson) =>
        Representative.Nominate(application, dialogue, active, seatsTaken, position: seatsTaken + 1, Details, mode, Member, Now);

    static (Application, Dialogue) Admitted(int capacity = 40, int quota = 2)
    {
        var dialogue = Dialogue(capacity, quota, ObjectionEffect.Exclude);
        var application = Application.Submit(Organization(), dialogue, Member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        application.AdmitWithoutCirculation(Officer, Now);
        return (application, dialogue);
    }

    static (Application, Dialogue) Circulated(ObjectionEffect effect)
    {
        var dialogue = Dialogue(40, 2, effect);
        var application = Application.Submit(Organization(), dialogue, Member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        return (application, dialogue);
    }

    static Organization Organization() =>
        Accreditation.Registration.Domain.Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN",
            EcosocStatus.Special, "https://mrn.example.org", [], "user-1", Now);

    static Dialogue Dialogue(int capacity, int quota, ObjectionEffect effect) =>
        Accreditation.Registration.Domain.Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session",
            new DateOnly(2026, 7, 1), "Vienna", Now.AddDays(-1), Now.AddDays(7), 14, capacity,
            new DialoguePolicy(CirculationPolicy.WithoutEcosocStatus, effect, false, quota), Now.AddDays(-20));
}

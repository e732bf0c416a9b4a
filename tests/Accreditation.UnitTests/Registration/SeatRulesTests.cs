using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration;

/// <summary>Freed in-person seats, the participant list and the purge of representatives' data, without a host.</summary>
public sealed class SeatRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset AfterTheDialogue = new(2026, 7, 2, 0, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");
    static readonly RepresentativeDetails Details = RepresentativeDetails.Parse("Amina Diallo", "Director", "amina@example.org");

    [Fact]
    public void Seats_are_free_for_the_waiting_list_up_to_the_capacity_and_none_once_the_dialogue_is_over()
    {
        var dialogue = Dialogue(capacity: 3);
        Assert.Equal(2, InPersonSeats.FreeForWaitingList(dialogue, seatsTaken: 1, Now));
        Assert.Equal(0, InPersonSeats.FreeForWaitingList(dialogue, seatsTaken: 4, Now));
        Assert.Equal(0, InPersonSeats.FreeForWaitingList(dialogue, seatsTaken: 0, AfterTheDialogue));
    }

    [Fact]
    public void A_nomination_on_the_waiting_list_is_placed_behind_everyone_already_waiting_and_any_other_has_no_place()
    {
        var (application, dialogue) = Admitted(capacity: 1, quota: 4);
        var waiting = Nominate(application, dialogue, position: 3);
        var seated = Nominate(application, dialogue, position: 1, seatsTaken: 0);
        var online = Nominate(application, dialogue, position: 2, mode: AttendanceMode.Online);

        Assert.Equal((3, 1), (waiting.WaitingPositionAtNomination(alreadyWaiting: 2), waiting.WaitingPositionAtNomination(alreadyWaiting: 0)));
        Assert.Equal((0, 0), (seated.WaitingPositionAtNomination(alreadyWaiting: 2), online.WaitingPositionAtNomination(alreadyWaiting: 2)));
    }

    [Fact]
    public void Freed_seats_go_to_the_first_on_the_waiting_list_in_nomination_order_and_the_others_keep_waiting()
    {
        var (application, dialogue) = Admitted(capacity: 1, quota: 4);
        var third = Nominate(application, dialogue, position: 3);
        var first = Nominate(application, dialogue, position: 1);
        var second = Nominate(application, dialogue, position: 2);

        var movedUp = InPersonSeats.GiveFreedSeats([third, first, second], free: 2, Now.AddHours(1));

        Assert.Equal([first, second], movedUp);
        Assert.Equal((RepresentativeStatus.InPerson, Now.AddHours(1)), (first.Status, first.SeatedAt));
        Assert.Equal(RepresentativeStatus.WaitingList, third.Status);
        Assert.Empty(InPersonSeats.GiveFreedSeats([third], free: 0, Now));
    }

    [Fact]
    public void The_participant_list_orders_organizations_by_name_and_groups_their_representatives_leaving_out_the_withdrawn()
    {
        var (zulu, dialogue) = Admitted(capacity: 1, quota: 4, name: "zulu Network");
        var (alpha, _) = Admitted(capacity: 1, quota: 4, name: "Alpha Institute", dialogue: dialogue);
        var seated = Nominate(zulu, dialogue, position: 1, seatsTaken: 0);
        var waiting = Nominate(zulu, dialogue, position: 3);
        var online = Nominate(alpha, dialogue, position: 2, mode: AttendanceMode.Online);
        var withdrawn = Nominate(alpha, dialogue, position: 4, mode: AttendanceMode.Online);
        withdrawn.Withdraw(Member, Now);

        var list = ParticipantList.Of([(zulu.Id, Org(zulu)), (alpha.Id, Org(alpha))], [waiting, withdrawn, online, seated]);

        Assert.Equal(["Alpha Institute", "zulu Network"], list.Organizations.Select(o => o.Organization.Name));
        Assert.Equal([online], list.Organizations[0].Online);
        Assert.Equal([seated], list.Organizations[1].InPerson);
        Assert.Equal([waiting], list.Organizations[1].WaitingList);
        Assert.Equal((1, 1, 1), (list.InPersonCount, list.OnlineCount, list.WaitingListCount));
    }

    [Fact]
    public void A_purge_blanks_everyone_not_purged_yet_and_records_counts_only_once_the_dialogue_is_over()
    {
        var (application, dialogue) = Admitted(capacity: 1, quota: 3);
        var seated = Nominate(application, dialogue, position: 1, seatsTaken: 0);
        var online = Nominate(application, dialogue, position: 2, mode: AttendanceMode.Online);

        Assert.Throws<RuleViolationException>(() => InPersonSeats.Purge(dialogue, [seated, online], Officer, Now));
        Assert.Equal("Amina Diallo", seated.FullName);

        var purged = InPersonSeats.Purge(dialogue, [seated, online], Officer, AfterTheDialogue);
        Assert.NotNull(purged);
        Assert.Equal(2, purged.Count);
        Assert.Equal(("", ""), (seated.FullName, online.Email));
        Assert.Equal((LedgerKinds.Purge, dialogue.Id), (purged.LedgerRecord.Kind, purged.LedgerRecord.DialogueId));
        Assert.Equal(new Dictionary<string, string> { ["representatives"] = "2", ["inPerson"] = "1", ["online"] = "1", ["waitingList"] = "0", ["withdrawn"] = "0" },
            purged.LedgerRecord.Details);
        Assert.DoesNotContain("Amina", purged.LedgerRecord.Reason);

        Assert.Null(InPersonSeats.Purge(dialogue, [seated, online], Officer, AfterTheDialogue));
    }

    readonly Dictionary<Guid, Organization> _organizations = [];

    Organization Org(Application application) => _organizations[application.OrganizationId];

    (Application, Dialogue) Admitted(int capacity, int quota, string name = "Migrant Rights Network", Dialogue? dialogue = null)
    {
        dialogue ??= Dialogue(capacity, quota);
        var organization = Organization.Create(name, null, StakeholderCategory.Ngo, "KEN", EcosocStatus.Special, null, [], Member.Subject, Now);
        _organizations[organization.Id] = organization;
        var application = Application.Submit(organization, dialogue, Member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        application.AdmitWithoutCirculation(Officer, Now);
        return (application, dialogue);
    }

    /// <summary>In person with the dialogue's one seat taken (so on the waiting list), unless told otherwise.</summary>
    static Representative Nominate(Application application, Dialogue dialogue, long position, int seatsTaken = 1, AttendanceMode mode = AttendanceMode.InPerson) =>
        Representative.Nominate(application, dialogue, 0, seatsTaken, position, Details, mode, Member, Now);

    static Dialogue Dialogue(int capacity, int quota = 2) =>
        Accreditation.Registration.Domain.Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session",
            new DateOnly(2026, 7, 1), "Vienna", Now.AddDays(-1), Now.AddDays(7), 14, capacity,
            new DialoguePolicy(CirculationPolicy.WithoutEcosocStatus, ObjectionEffect.Exclude, false, quota), Now.AddDays(-20));
}

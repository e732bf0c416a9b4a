using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Attendance = Accreditation.Registration.V1.AttendanceMode;
using Seat = Accreditation.Registration.V1.RepresentativeStatus;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Participation;

[Collection(SystemCollection.Name)]
public sealed class RepresentativeTests(SystemFixture system)
{
    readonly ParticipationSteps _steps = new(system);

    [Fact]
    public async Task In_person_seats_beyond_the_capacity_of_the_dialogue_go_to_a_waiting_list_in_order_of_nomination()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 2, quota: 3);
        var first = await _steps.AdmittedAsync(officer, dialogue, "First Seated Coalition");
        var second = await _steps.AdmittedAsync(officer, dialogue, "Second Waiting Forum");

        var a = await _steps.NominateAsync(first, "Amina Diallo");
        var b = await _steps.NominateAsync(first, "Bruno Costa");
        var c = await _steps.NominateAsync(second, "Chen Wei");
        var d = await _steps.NominateAsync(second, "Dana Novak");
        var e = await _steps.NominateAsync(second, "Emil Berg", Attendance.Online);

        Assert.Equal(new[] { Seat.InPerson, Seat.InPerson, Seat.WaitingList, Seat.WaitingList, Seat.Online },
            new[] { a, b, c, d, e }.Select(r => r.Status));
        Assert.Equal(new[] { 0, 0, 1, 2, 0 }, new[] { a, b, c, d, e }.Select(r => r.WaitingPosition));
        var own = await _steps.RepresentativesOfAsync(second, second.User.Token);
        Assert.Equal(new[] { "Chen Wei", "Dana Novak", "Emil Berg" }, own.Select(r => r.FullName));
        Assert.Equal("chen@example.org", own[0].Email);
    }

    [Fact]
    public async Task A_freed_seat_goes_to_the_first_on_the_waiting_list_who_is_told()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1, quota: 2);
        var seated = await _steps.AdmittedAsync(officer, dialogue, "Seated Research Centre");
        var next = await _steps.AdmittedAsync(officer, dialogue, "Next In Line Alliance");
        var last = await _steps.AdmittedAsync(officer, dialogue, "Last In Line Institute");
        var holder = await _steps.NominateAsync(seated, "Hana Sato");
        var nextRepresentative = await _steps.NominateAsync(next, "Ivan Petrov");
        var lastRepresentative = await _steps.NominateAsync(last, "Julia Romero");
        Assert.Equal((Seat.WaitingList, 1), (nextRepresentative.Status, nextRepresentative.WaitingPosition));

        // The holder withdraws: the first waiting moves up in the same transaction.
        var withdrawn = (await _steps.Representatives.WithdrawRepresentativeAsync(
            new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = holder.RepresentativeId }, seated.User.Call)).Representative;
        Assert.Equal(Seat.Withdrawn, withdrawn.Status);
        var moved = (await _steps.RepresentativesOfAsync(next, next.User.Token)).Single();
        Assert.Equal((Seat.InPerson, 0), (moved.Status, moved.WaitingPosition));
        var stillWaiting = (await _steps.RepresentativesOfAsync(last, last.User.Token)).Single();
        Assert.Equal((Seat.WaitingList, 1), (stillWaiting.Status, stillWaiting.WaitingPosition));

        var notices = await SystemFixture.EventuallyAsync(() => _steps.Api.NoticesAsync(next.User.Token),
            n => n.Any(x => x.Kind == "representative-moved-up"), "the moved-up notice");
        var notice = notices.Single(x => x.Kind == "representative-moved-up");
        Assert.Equal(next.ApplicationId, notice.ApplicationId);
        Assert.Contains(moved.RepresentativeId, notice.Body);
        Assert.DoesNotContain("Ivan Petrov", notice.Body); // personal data stays in Registration
        Assert.DoesNotContain(await _steps.Api.NoticesAsync(last.User.Token), x => x.Kind == "representative-moved-up");

        // Switching to online gives the seat up too.
        var online = (await _steps.Representatives.ChangeRepresentativeModeAsync(new RegistrationV1.ChangeRepresentativeModeRequest
        {
            RepresentativeId = nextRepresentative.RepresentativeId, Mode = Attendance.Online,
        }, next.User.Call)).Representative;
        Assert.Equal(Seat.Online, online.Status);
        Assert.Equal(Seat.InPerson, (await _steps.RepresentativesOfAsync(last, last.User.Token)).Single().Status);
        await SystemFixture.EventuallyAsync(() => _steps.Api.NoticesAsync(last.User.Token),
            n => n.Any(x => x.Kind == "representative-moved-up" && x.Body.Contains(stillWaiting.RepresentativeId)), "the second moved-up notice");
    }

    [Fact]
    public async Task An_officer_removes_a_representative_and_the_seat_goes_to_the_waiting_list()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1);
        var seated = await _steps.AdmittedAsync(officer, dialogue, "Removed Delegate Network");
        var waiting = await _steps.AdmittedAsync(officer, dialogue, "Patient Delegate Network");
        var removed = await _steps.NominateAsync(seated, "Karl Meyer");
        await _steps.NominateAsync(waiting, "Lena Fischer");

        await _steps.Representatives.WithdrawRepresentativeAsync(
            new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = removed.RepresentativeId }, SystemFixture.Bearer(officer));

        Assert.Equal(Seat.InPerson, (await _steps.RepresentativesOfAsync(waiting, officer)).Single().Status);
        // A removed representative stays removed.
        var again = await Assert.ThrowsAsync<RpcException>(() => _steps.Representatives.WithdrawRepresentativeAsync(
            new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = removed.RepresentativeId }, seated.User.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("Withdrawn", again.Status.Detail);
    }

    [Fact]
    public async Task Simultaneous_nominations_never_give_more_in_person_seats_than_the_capacity()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 3);
        var applicants = new List<Applicant>();
        for (var i = 0; i < 8; i++)
            applicants.Add(await _steps.AdmittedAsync(officer, dialogue, $"Concurrent Delegation {i}"));

        var nominated = await Task.WhenAll(applicants.Select((a, i) => _steps.NominateAsync(a, $"Delegate Number{i}")));

        Assert.Equal(3, nominated.Count(r => r.Status == Seat.InPerson));
        var participants = await _steps.Representatives.GetParticipantListAsync(
            new RegistrationV1.GetParticipantListRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        Assert.Equal((3, 5), (participants.InPersonCount, participants.WaitingListCount));
        Assert.Equal(Enumerable.Range(1, 5), participants.Organizations.SelectMany(o => o.WaitingList).Select(r => r.WaitingPosition).Order());
    }

    [Fact]
    public async Task The_participant_list_shows_admitted_organizations_and_their_representatives_by_mode()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1, quota: 3);
        var alpha = await _steps.AdmittedAsync(officer, dialogue, "Alpha Listed Network");
        var beta = await _steps.AdmittedAsync(officer, dialogue, "Beta Listed Network");
        await _steps.EligibleAsync(officer, dialogue, "Gamma Not Yet Admitted");
        await _steps.NominateAsync(alpha, "Maria Lopez");
        await _steps.NominateAsync(alpha, "Nils Holm", Attendance.Online);
        await _steps.NominateAsync(beta, "Omar Haddad");

        foreach (var token in new[] { officer, await system.AuditorTokenAsync() })
        {
            var list = await _steps.Representatives.GetParticipantListAsync(
                new RegistrationV1.GetParticipantListRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(token));
            Assert.Equal(new[] { "Alpha Listed Network", "Beta Listed Network" }, list.Organizations.Select(o => o.Name));
            var a = list.Organizations[0];
            Assert.Equal(["Maria Lopez"], a.InPerson.Select(r => r.FullName));
            Assert.Equal(["Nils Holm"], a.Online.Select(r => r.FullName));
            Assert.Equal(["Omar Haddad"], list.Organizations[1].WaitingList.Select(r => r.FullName));
            Assert.Equal((1, 1, 1, 1), (list.InPersonCapacity, list.InPersonCount, list.OnlineCount, list.WaitingListCount));
        }
    }

    [Fact]
    public async Task Nominating_before_admission_is_refused_naming_the_state()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var eligible = await _steps.EligibleAsync(officer, dialogue, "Early Nominating Society");

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.NominateAsync(eligible, "Pia Early"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Eligible", error.Status.Detail);
    }

    [Fact]
    public async Task Nominating_over_the_quota_is_refused_naming_the_quota_and_the_count()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, quota: 2);
        var admitted = await _steps.AdmittedAsync(officer, dialogue, "Quota Testing Union");
        await _steps.NominateAsync(admitted, "Quinn One");
        var second = await _steps.NominateAsync(admitted, "Quinn Two", Attendance.Online);

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.NominateAsync(admitted, "Quinn Three"));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("allows 2 representative(s)", error.Status.Detail);
        Assert.Contains("has 2 already", error.Status.Detail);

        // A withdrawn representative no longer counts.
        await _steps.Representatives.WithdrawRepresentativeAsync(
            new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = second.RepresentativeId }, admitted.User.Call);
        Assert.Equal("Quinn Three", (await _steps.NominateAsync(admitted, "Quinn Three")).FullName);
    }

    [Fact]
    public async Task Another_organization_cannot_nominate_list_or_withdraw_representatives()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var owner = await _steps.AdmittedAsync(officer, dialogue, "Owner Of Delegates");
        var intruder = await _steps.AdmittedAsync(officer, dialogue, "Intruding Delegation");
        var representative = await _steps.NominateAsync(owner, "Rosa Owner");

        var calls = new Func<Task>[]
        {
            () => _steps.NominateAsync(owner with { User = intruder.User }, "Sam Intruder"),
            () => _steps.RepresentativesOfAsync(owner, intruder.User.Token),
            () => _steps.Representatives.WithdrawRepresentativeAsync(
                new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = representative.RepresentativeId }, intruder.User.Call).ResponseAsync,
        };
        foreach (var call in calls)
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
    }

    [Fact]
    public async Task States_never_read_representatives()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var admitted = await _steps.AdmittedAsync(officer, dialogue, "Private Delegates Trust");
        await _steps.NominateAsync(admitted, "Tomas Private");
        var austria = await system.StateTokenAsync("AUT");

        var list = await Assert.ThrowsAsync<RpcException>(() => _steps.RepresentativesOfAsync(admitted, austria));
        var participants = await Assert.ThrowsAsync<RpcException>(() => _steps.Representatives.GetParticipantListAsync(
            new RegistrationV1.GetParticipantListRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(austria)).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (list.StatusCode, participants.StatusCode));
    }

    [Fact]
    public async Task A_representative_without_a_valid_email_is_refused_naming_the_field()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var admitted = await _steps.AdmittedAsync(officer, dialogue, "Careless Typing Club");

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Representatives.NominateRepresentativeAsync(new RegistrationV1.NominateRepresentativeRequest
        {
            ApplicationId = admitted.ApplicationId, FullName = "Uma Typo", Email = "uma.example.org", Mode = Attendance.InPerson,
        }, admitted.User.Call).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("email:", error.Status.Detail);
    }
}

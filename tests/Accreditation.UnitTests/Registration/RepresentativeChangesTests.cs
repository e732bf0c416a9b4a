using System.Text.Json;
using Accreditation.Contracts;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Registration;

/// <summary>
/// Nominating and changing representatives against a real Registration database, without a host:
/// the waiting list's places, and freed seats given away in the change's own transaction.
/// </summary>
public sealed class RepresentativeChangesTests : IAsyncLifetime
{
    static readonly Caller Member = new(LedgerDatabase.Member.Subject, Roles.Organization, null);
    static readonly RepresentativeDetails Details = RepresentativeDetails.Parse("Amina Diallo", "Director", "amina@example.org");
    readonly FakeTimeProvider _clock = new(LedgerDatabase.Now.AddHours(1));
    LedgerDatabase _database = null!;

    public async Task InitializeAsync() => _database = await LedgerDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Nominations_beyond_the_seats_wait_in_order_and_each_event_names_its_place()
    {
        var application = await _database.AdmitAsync("Migrant Rights Network", capacity: 1);

        var nominated = await NominateAsync(application, AttendanceMode.InPerson, AttendanceMode.InPerson, AttendanceMode.Online, AttendanceMode.InPerson);

        Assert.Equal([RepresentativeStatus.InPerson, RepresentativeStatus.WaitingList, RepresentativeStatus.Online, RepresentativeStatus.WaitingList],
            nominated.Select(r => r.Status));
        Assert.Equal([0, 1, 0, 2], (await EventsAsync<RepresentativeNominated>()).Select(e => e.WaitingPosition));
    }

    [Fact]
    public async Task Withdrawing_a_seated_representative_gives_the_seat_to_the_first_waiting_in_the_same_change()
    {
        var application = await _database.AdmitAsync("Migrant Rights Network", capacity: 1);
        var (seated, first, second) = await ThreeInPersonAsync(application);

        await using (var db = _database.Open())
            Assert.Equal(RepresentativeStatus.Withdrawn, (await new RepresentativeChanges(db, _clock).WithdrawAsync(seated.Id, Member, CancellationToken.None)).Status);

        Assert.Equal([RepresentativeStatus.Withdrawn, RepresentativeStatus.InPerson, RepresentativeStatus.WaitingList], await StatusesAsync(seated, first, second));
        Assert.Equal([first.Id], (await EventsAsync<RepresentativeMovedUp>()).Select(e => e.RepresentativeId));
    }

    [Fact]
    public async Task Switching_online_frees_a_seat_for_the_waiting_list_but_a_waiting_one_switching_moves_nobody_up()
    {
        var application = await _database.AdmitAsync("Migrant Rights Network", capacity: 1);
        var (seated, first, second) = await ThreeInPersonAsync(application);

        await using (var db = _database.Open())
            await new RepresentativeChanges(db, _clock).ChangeModeAsync(second.Id, Member, AttendanceMode.Online, CancellationToken.None);
        Assert.Empty(await EventsAsync<RepresentativeMovedUp>());

        await using (var db = _database.Open())
            await new RepresentativeChanges(db, _clock).ChangeModeAsync(seated.Id, Member, AttendanceMode.Online, CancellationToken.None);
        Assert.Equal([RepresentativeStatus.Online, RepresentativeStatus.InPerson, RepresentativeStatus.Online], await StatusesAsync(seated, first, second));
        Assert.Equal([first.Id], (await EventsAsync<RepresentativeMovedUp>()).Select(e => e.RepresentativeId));
    }

    [Fact]
    public async Task Someone_outside_the_organization_may_not_withdraw_its_representative_and_nothing_changes()
    {
        var application = await _database.AdmitAsync("Migrant Rights Network", capacity: 1);
        var (seated, first, second) = await ThreeInPersonAsync(application);

        await using (var db = _database.Open())
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                new RepresentativeChanges(db, _clock).WithdrawAsync(seated.Id, new Caller("user-2", Roles.Organization, null), CancellationToken.None));

        Assert.Equal([RepresentativeStatus.InPerson, RepresentativeStatus.WaitingList, RepresentativeStatus.WaitingList], await StatusesAsync(seated, first, second));
        Assert.Empty(await EventsAsync<RepresentativeMovedUp>());
    }

    async Task<(Representative Seated, Representative First, Representative Second)> ThreeInPersonAsync(Application application)
    {
        var nominated = await NominateAsync(application, AttendanceMode.InPerson, AttendanceMode.InPerson, AttendanceMode.InPerson);
        return (nominated[0], nominated[1], nominated[2]);
    }

    async Task<IReadOnlyList<Representative>> NominateAsync(Application application, params AttendanceMode[] modes)
    {
        var nominated = new List<Representative>();
        foreach (var mode in modes)
        {
            await using var db = _database.Open();
            nominated.Add(await new RepresentativeChanges(db, _clock).NominateAsync(application.Id, Member, Details, mode, CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        return nominated;
    }

    async Task<IReadOnlyList<RepresentativeStatus>> StatusesAsync(params Representative[] representatives)
    {
        await using var db = _database.Open();
        var ids = representatives.Select(r => r.Id).ToList();
        var statuses = await db.Set<Representative>().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status);
        return ids.Select(id => statuses[id]).ToList();
    }

    async Task<IReadOnlyList<TEvent>> EventsAsync<TEvent>()
    {
        await using var db = _database.Open();
        var payloads = await db.Set<OutboxMessage>().Where(m => m.Type == typeof(TEvent).FullName).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p)!).ToList();
    }
}

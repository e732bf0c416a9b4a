using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accreditation.UnitTests.Messaging;

/// <summary>Published outbox rows do not stay at rest for ever: some events carry one-time codes.</summary>
public sealed class OutboxRetentionTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rows_sent_longer_ago_than_the_retention_are_deleted_and_unsent_or_recent_ones_kept()
    {
        await using var database = await LedgerDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            foreach (var (code, sentAt) in new (string, DateTimeOffset?)[]
                     { ("old-sent", Now - TimeSpan.FromDays(9)), ("recent-sent", Now - TimeSpan.FromDays(1)), ("old-unsent", null) })
            {
                var row = OutboxMessage.For(new MemberInvited(Guid.NewGuid(), Guid.NewGuid(), "Org", "a@example.org", "en", code, Now, Now), Now - TimeSpan.FromDays(10));
                row.SentAt = sentAt;
                db.Set<OutboxMessage>().Add(row);
            }
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddScoped(_ => database.Open()).BuildServiceProvider();
        var dispatcher = new OutboxDispatcher<RegistrationDb>(services.GetRequiredService<IServiceScopeFactory>(), null!, new OutboxSignal(), Microsoft.Extensions.Options.Options.Create(new OutboxOptions()), new WallClock(),
            NullLogger<OutboxDispatcher<RegistrationDb>>.Instance);

        Assert.Equal(1, await dispatcher.PruneSentAsync(Now, CancellationToken.None));

        await using var check = database.Open();
        var payloads = await check.Set<OutboxMessage>().Select(m => m.Payload).ToListAsync();
        Assert.Equal(2, payloads.Count);
        Assert.DoesNotContain(payloads, p => p.Contains("old-sent"));
    }
}

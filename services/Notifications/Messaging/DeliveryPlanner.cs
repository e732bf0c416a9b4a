using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// Decides who gets a notice by e-mail and in which language, and adds those deliveries to the
/// caller's unit of work: an organization's notice goes to each member whose account is known,
/// in that member's language; a configured recipient's to its configured addresses. A delivery
/// exists once per notice and address, so whichever of notice, member or account arrives last
/// completes the set, and nothing is added twice. Nothing at all when e-mail is off.
/// </summary>
public sealed class DeliveryPlanner(NotificationsDb db, NoticeTemplates templates, ConfiguredRecipients configured, EmailSettings settings, WallClock wall)
{
    /// <summary>The language of the inbox copy: an organization's is its first known member's; a configured recipient's its setting.</summary>
    public async Task<string> InboxLanguageAsync(string recipient, CancellationToken ct)
    {
        if (Recipients.OrganizationOf(recipient) is not { } organizationId)
            return configured.LanguageOf(recipient);
        var first = await MemberAccounts(organizationId).OrderBy(m => m.AddedAt).Select(m => m.Account.Language).FirstOrDefaultAsync(ct);
        return first ?? NoticeTemplates.DefaultLanguage;
    }

    public async Task AddForAsync(Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.Enabled)
            return;
        IReadOnlyList<Addressee> addressees = configured.AddresseesOf(notice.Recipient);
        if (notice.OrganizationId is { } organizationId)
        {
            addressees = await MemberAccounts(organizationId)
                .Where(m => m.AddedAt <= notice.CreatedAt)
                .Select(m => new Addressee(m.Account.Email, m.Account.Language))
                .ToListAsync(ct);
        }
        await AddAsync(notice, addressees, now, ct);
    }

    /// <summary>
    /// A member (or its account) became known after notices to its organization were written:
    /// the member gets those written since it joined, as it would have had it been known then.
    /// </summary>
    public async Task CatchUpAsync(Guid organizationId, Account account, DateTimeOffset memberSince, DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.Enabled)
            return;
        var recipient = Recipients.Organization(organizationId);
        var notices = await db.Notices.Where(n => n.Recipient == recipient && n.CreatedAt >= memberSince).ToListAsync(ct);
        notices.AddRange(db.ChangeTracker.Entries<Notice>()
            .Where(e => e.State == EntityState.Added && e.Entity.Recipient == recipient && e.Entity.CreatedAt >= memberSince)
            .Select(e => e.Entity));
        foreach (var notice in notices.DistinctBy(n => n.Id))
            await AddAsync(notice, [new Addressee(account.Email, account.Language)], now, ct);
    }

    async Task AddAsync(Notice notice, IReadOnlyList<Addressee> addressees, DateTimeOffset now, CancellationToken ct)
    {
        // A notice from before e-mail existed has no values to write it again: it stays in the inbox.
        if (addressees.Count == 0 || notice.Values == "{}")
            return;
        var present = (await db.Deliveries.AsNoTracking().Where(d => d.NoticeId == notice.Id).Select(d => d.Address).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<Delivery>().Where(e => e.Entity.NoticeId == notice.Id).Select(e => e.Entity.Address))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = notice.TemplateValues();
        foreach (var to in addressees)
        {
            if (!present.Add(to.Email))
                continue;
            db.Deliveries.Add(Delivery.Create(notice, to, templates.Render(notice.Kind, to.Language, values), now, wall.GetUtcNow()));
        }
    }

    IQueryable<MemberAccount> MemberAccounts(Guid organizationId) =>
        from m in db.OrganizationMembers
        where m.OrganizationId == organizationId
        join a in db.Accounts on m.Subject equals a.Subject
        select new MemberAccount { AddedAt = m.AddedAt, Account = a };

    sealed class MemberAccount
    {
        public required DateTimeOffset AddedAt { get; init; }
        public required Account Account { get; init; }
    }
}

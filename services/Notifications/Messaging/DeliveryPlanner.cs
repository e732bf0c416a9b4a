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
    /// <summary>Each prepared organization's members with an account, earliest first (see <see cref="PrepareAsync"/>).</summary>
    readonly Dictionary<Guid, List<MemberAccount>> _members = [];

    /// <summary>
    /// Reads ahead the members of every organization among these recipients, in one query, for the
    /// notices of a group that one transaction writes (membership does not change within it).
    /// </summary>
    public async Task PrepareAsync(IEnumerable<string> recipients, CancellationToken ct)
    {
        _members.Clear();
        var organizationIds = recipients.Select(Recipients.OrganizationOf).OfType<Guid>().Distinct().ToList();
        if (organizationIds.Count == 0)
            return;
        foreach (var organizationId in organizationIds)
            _members[organizationId] = [];
        var members = await (
            from m in db.OrganizationMembers.AsNoTracking()
            where organizationIds.Contains(m.OrganizationId)
            join a in db.Accounts.AsNoTracking() on m.Subject equals a.Subject
            select new MemberAccount { OrganizationId = m.OrganizationId, AddedAt = m.AddedAt, Email = a.Email, Language = a.Language })
            .ToListAsync(ct);
        foreach (var member in members.OrderBy(m => m.AddedAt))
            _members[member.OrganizationId].Add(member);
    }

    /// <summary>The language of the inbox copy: an organization's is its first known member's; a configured recipient's its setting.</summary>
    public async Task<string> InboxLanguageAsync(string recipient, CancellationToken ct)
    {
        if (Recipients.OrganizationOf(recipient) is not { } organizationId)
            return configured.LanguageOf(recipient);
        var first = _members.TryGetValue(organizationId, out var prepared)
            ? prepared.FirstOrDefault()?.Language
            : await MemberAccounts(organizationId).OrderBy(m => m.AddedAt).Select(m => m.Language).FirstOrDefaultAsync(ct);
        return first ?? NoticeTemplates.DefaultLanguage;
    }

    /// <summary>The deliveries of a notice just written (none can exist yet): to whoever it is addressed.</summary>
    public async Task AddForNewAsync(Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.Enabled)
            return;
        IReadOnlyList<Addressee> addressees = configured.AddresseesOf(notice.Recipient);
        if (notice.OrganizationId is { } organizationId)
        {
            var members = _members.TryGetValue(organizationId, out var prepared)
                ? prepared.Where(m => m.AddedAt <= notice.CreatedAt).ToList()
                : await MemberAccounts(organizationId).Where(m => m.AddedAt <= notice.CreatedAt).ToListAsync(ct);
            addressees = members.Select(m => new Addressee(m.Email, m.Language)).ToList();
        }
        if (Writable(notice, addressees))
            AddNew(notice, addressees, [], now);
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
        if (!Writable(notice, addressees))
            return;
        var present = (await db.Deliveries.AsNoTracking().Where(d => d.NoticeId == notice.Id).Select(d => d.Address).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<Delivery>().Where(e => e.Entity.NoticeId == notice.Id).Select(e => e.Entity.Address));
        AddNew(notice, addressees, present, now);
    }

    /// <summary>A delivery to each addressee not among those present (an address once per notice, whatever its case).</summary>
    void AddNew(Notice notice, IReadOnlyList<Addressee> addressees, IEnumerable<string> present, DateTimeOffset now)
    {
        var addresses = present.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = notice.TemplateValues();
        foreach (var to in addressees)
        {
            if (!addresses.Add(to.Email))
                continue;
            db.Deliveries.Add(Delivery.Create(notice, to, templates.Render(notice.Kind, to.Language, values), now, wall.GetUtcNow()));
        }
    }

    // A notice from before e-mail existed has no values to write it again: it stays in the inbox.
    static bool Writable(Notice notice, IReadOnlyList<Addressee> addressees) => addressees.Count > 0 && notice.Values != "{}";

    IQueryable<MemberAccount> MemberAccounts(Guid organizationId) =>
        from m in db.OrganizationMembers
        where m.OrganizationId == organizationId
        join a in db.Accounts on m.Subject equals a.Subject
        select new MemberAccount { OrganizationId = m.OrganizationId, AddedAt = m.AddedAt, Email = a.Email, Language = a.Language };

    sealed class MemberAccount
    {
        public required Guid OrganizationId { get; init; }
        public required DateTimeOffset AddedAt { get; init; }
        public required string Email { get; init; }
        public required string Language { get; init; }
    }
}

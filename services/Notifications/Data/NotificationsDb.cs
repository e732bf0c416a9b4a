using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Data;

public class NotificationsDb : DbContext
{
    public NotificationsDb(DbContextOptions<NotificationsDb> options) : base(options) { }

    /// <summary>For the provider's own context type (<see cref="PostgreSqlNotificationsDb"/>: its own migrations).</summary>
    protected NotificationsDb(DbContextOptions options) : base(options) { }

    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<BroadcastRead> BroadcastReads => Set<BroadcastRead>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ScreeningEntry> ScreeningEntries => Set<ScreeningEntry>();
    public DbSet<WitnessedHead> WitnessedHeads => Set<WitnessedHead>();
    public DbSet<WitnessConflict> WitnessConflicts => Set<WitnessConflict>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => configuration.UseUtcTimestamps();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.Entity<Notice>(e =>
        {
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Kind).HasMaxLength(64);
            e.Property(n => n.Recipient).HasMaxLength(128);
            e.Property(n => n.Language).HasMaxLength(16);
            e.Property(n => n.Subject).HasMaxLength(1000);
            e.Ignore(n => n.IsBroadcast);
            // One notice of a kind per recipient per event, even if a handler ran twice outside the inbox.
            e.HasIndex(n => new { n.SourceMessageId, n.Recipient, n.Kind }).IsUnique();
            // An inbox: a recipient's notices, newest first.
            e.HasIndex(n => new { n.Recipient, n.CreatedAt });
            // A member's unread count: counted in the index, per organization of the member directory.
            e.HasIndex(n => new { n.OrganizationId, n.ReadAt });
            e.HasIndex(n => n.ApplicationId);
        });
        model.Entity<BroadcastRead>(e =>
        {
            e.HasKey(r => new { r.NoticeId, r.Reader });
            e.Property(r => r.Reader).HasMaxLength(128);
            e.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<OrganizationMember>(e =>
        {
            // The member directory: a user is a member of an organization once.
            e.HasKey(m => new { m.OrganizationId, m.Subject });
            e.Property(m => m.Subject).HasMaxLength(200);
            e.Property(m => m.OrganizationName).HasMaxLength(500);
            e.HasIndex(m => m.Subject);
        });
        model.Entity<Account>(e =>
        {
            e.HasKey(a => a.Subject);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.Email).HasMaxLength(320);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.Property(a => a.Language).HasMaxLength(16);
        });
        model.Entity<Delivery>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Kind).HasMaxLength(64);
            e.Property(d => d.Recipient).HasMaxLength(128);
            e.Property(d => d.Address).HasMaxLength(320);
            e.Property(d => d.Language).HasMaxLength(16);
            e.Property(d => d.Subject).HasMaxLength(1000);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            e.Ignore(d => d.MessageId);
            e.HasOne<Notice>().WithMany().HasForeignKey(d => d.NoticeId).OnDelete(DeleteBehavior.Cascade);
            // One e-mail of a notice per address, however often the event or the member arrives.
            e.HasIndex(d => new { d.NoticeId, d.Address }).IsUnique();
            // The sender's query: due pending deliveries.
            e.HasIndex(d => new { d.State, d.NextAttemptAt });
            e.HasIndex(d => d.CreatedAt);
        });
        model.Entity<ScreeningEntry>(e =>
        {
            e.HasKey(s => s.ApplicationId);
            e.Property(s => s.ApplicationId).ValueGeneratedNever();
            e.Property(s => s.OrganizationName).HasMaxLength(500);
            e.Property(s => s.DialogueTitle).HasMaxLength(500);
            e.HasIndex(s => s.Waiting);
        });
        model.Entity<WitnessedHead>(e =>
        {
            e.Property(h => h.Id).ValueGeneratedOnAdd();
            e.Property(h => h.Origin).HasMaxLength(200);
            e.Property(h => h.RootHash).HasMaxLength(64);
            e.HasIndex(h => new { h.Origin, h.Size });
        });
        model.Entity<WitnessConflict>(e =>
        {
            e.Property(c => c.Id).ValueGeneratedOnAdd();
            e.Property(c => c.Verdict).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.RootHash).HasMaxLength(64);
            e.Property(c => c.HeldRoot).HasMaxLength(64);
        });
    }
}

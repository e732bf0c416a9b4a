using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Data;

public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options)
{
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<BroadcastRead> BroadcastReads => Set<BroadcastRead>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();

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
    }
}

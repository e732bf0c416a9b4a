using System.Text.Json;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Accreditation.Registration.Data;

public sealed class RegistrationDb(DbContextOptions<RegistrationDb> options) : DbContext(options)
{
    public DbSet<Dialogue> Dialogues => Set<Dialogue>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.UseUtcTimestamps();
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();

        model.Entity<Dialogue>(e =>
        {
            e.Ignore(d => d.Title);
            e.OwnsOne(d => d.Policy);
        });

        model.Entity<Organization>(e =>
        {
            e.Property(o => o.AreasOfWork).HasConversion(
                areas => JsonSerializer.Serialize(areas, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, s) => HashCode.Combine(h, s)), a => a.ToList()));
            e.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganizationId);
        });

        model.Entity<OrganizationMember>(e =>
        {
            e.HasKey(m => new { m.OrganizationId, m.Subject });
            e.HasIndex(m => m.Subject);
        });

        model.Entity<Application>(e =>
        {
            // One application per organization per dialogue: a duplicate is ALREADY_EXISTS.
            e.HasIndex(a => new { a.OrganizationId, a.DialogueId }).IsUnique();
            e.HasIndex(a => new { a.DialogueId, a.State });
            e.HasIndex(a => a.CirculationId);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.ApplicationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
            e.HasOne<Dialogue>().WithMany().HasForeignKey(a => a.DialogueId);
        });

        model.Entity<StatusChange>(e =>
        {
            e.HasKey(c => c.Sequence);
            e.Property(c => c.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(c => c.ApplicationId);
        });
    }
}

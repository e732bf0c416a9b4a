using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Data;

/// <summary>Accounts (ASP.NET Core Identity), OpenIddict's applications, our API clients' roles and the outbox, in one database (a SQLite file or PostgreSQL).</summary>
public class IdentityDb : IdentityDbContext<AccountUser>
{
    public IdentityDb(DbContextOptions<IdentityDb> options) : base(options) { }

    /// <summary>For the provider's own context type (<see cref="PostgreSqlIdentityDb"/>: its own migrations).</summary>
    protected IdentityDb(DbContextOptions options) : base(options) { }

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<AccountSession> Sessions => Set<AccountSession>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.UseUtcTimestamps();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // The options come from AddServiceDatabase, so OpenIddict's entities are added to the model here.
        model.UseOpenIddict();
        // AccountRegistered leaves through the outbox, committed with the account it announces.
        model.AddOutboxAndInbox();

        model.Entity<AccountUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Language).HasMaxLength(8);
            // Accounts that existed before staff roles are organization users.
            e.Property(u => u.Role).HasMaxLength(16).HasDefaultValue(Accreditation.ServiceDefaults.Auth.Roles.Organization);
            e.Property(u => u.StateCode).HasMaxLength(3);
            e.Property(u => u.PasswordResetHash).HasMaxLength(64);
            // Identity checks e-mail uniqueness before inserting; the index closes the race between two sign-ups.
            e.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });

        model.Entity<AccountSession>(e =>
        {
            e.ToTable("Sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.AccountId).HasMaxLength(450);
            e.HasIndex(x => x.AccountId);
            // A deleted account's sessions go with it (its refresh tokens already fail: no user).
            e.HasOne<AccountUser>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ApiClient>(e =>
        {
            e.ToTable("ApiClients");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasMaxLength(100);
            e.Property(c => c.Role).HasMaxLength(16);
            e.Property(c => c.StateCode).HasMaxLength(3);
            // One active client per State party: a second is a domain duplicate (ALREADY_EXISTS).
            e.HasIndex(c => c.StateCode).IsUnique().HasFilter("\"RevokedAt\" IS NULL AND \"StateCode\" IS NOT NULL").HasDatabaseName("ActiveClientPerState");
        });
    }
}

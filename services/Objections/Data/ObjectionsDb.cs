using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Objections.Data;

public class ObjectionsDb : DbContext
{
    public ObjectionsDb(DbContextOptions<ObjectionsDb> options) : base(options) { }

    /// <summary>For the provider's own context type (<see cref="PostgreSqlObjectionsDb"/>: its own migrations).</summary>
    protected ObjectionsDb(DbContextOptions options) : base(options) { }

    public DbSet<Circulation> Circulations => Set<Circulation>();
    /// <summary>Every applicant a circulation ever held, withdrawn ones too: the window's own bookkeeping.</summary>
    public DbSet<CirculatedApplicant> ApplicantsIncludingWithdrawn => Set<CirculatedApplicant>();

    /// <summary>What the States parties see: a withdrawn application leaves their list and its count.</summary>
    public IQueryable<CirculatedApplicant> ApplicantsBeforeStates => ApplicantsIncludingWithdrawn.Where(a => a.WithdrawnAt == null);
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<WithdrawnApplication> WithdrawnApplications => Set<WithdrawnApplication>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => configuration.UseUtcTimestamps();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.Entity<Circulation>(e =>
        {
            e.HasIndex(c => new { c.ClosedAt, c.Deadline });
            e.HasMany(c => c.Applicants).WithOne().HasForeignKey(a => a.CirculationId);
        });
        model.Entity<CirculatedApplicant>(e =>
        {
            e.ToTable("Applicants");
            e.HasKey(a => a.ApplicationId);
        });
        model.Entity<WithdrawnApplication>(e => e.HasKey(w => w.ApplicationId));
        model.Entity<Objection>(e =>
        {
            e.Ignore(o => o.IsStanding);
            // One objection per State per application: a second one is ALREADY_EXISTS.
            e.HasIndex(o => new { o.ApplicationId, o.StateCode }).IsUnique();
            e.HasIndex(o => o.CirculationId);
            e.HasOne<CirculatedApplicant>().WithMany().HasForeignKey(o => o.ApplicationId);
        });
    }
}

using System.Data.Common;
using System.Text.Json;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.Registration.Data;

public class RegistrationDb : DbContext
{
    public RegistrationDb(DbContextOptions<RegistrationDb> options) : base(options) { }

    /// <summary>For the provider's own context type (<see cref="PostgreSqlRegistrationDb"/>: its own migrations).</summary>
    protected RegistrationDb(DbContextOptions options) : base(options) { }

    public DbSet<Dialogue> Dialogues => Set<Dialogue>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<LedgerTreeNode> LedgerTreeNodes => Set<LedgerTreeNode>();
    public DbSet<SignedTreeHead> SignedTreeHeads => Set<SignedTreeHead>();

    /// <summary>The correlation id ledger entries of this unit of work carry (an event consumer sets its message's).</summary>
    public string? LedgerCorrelation { get; set; }

    /// <summary>The entry appended last in this unit of work: the head the next one chains to.</summary>
    internal LedgerEntry? LastAppended { get; set; }

    /// <summary>
    /// <see cref="LastAppended"/> while it still waits to be saved, else null (a save accepted it, or
    /// a retry cleared the tracker and the head must be read again). Its state is read without
    /// DetectChanges: an added entry stays Added until one of those, and detecting on every append
    /// walked the unit of work (29 % of the time closing a window of 100,000 applications).
    /// </summary>
    internal LedgerEntry? PendingHead
    {
        get
        {
            if (LastAppended is not { } last)
                return null;
            var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
            ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                return Entry(last).State == EntityState.Added ? last : null;
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        }
    }

    /// <summary>The Merkle tree's right edge after <see cref="LastAppended"/>: valid only while that entry is still pending.</summary>
    internal MerkleFrontier? Frontier { get; set; }

    // Status changes already turned into ledger entries, so a second SaveChanges does not record them twice.
    readonly HashSet<StatusChange> _recorded = new(ReferenceEqualityComparer.Instance);

    // Contexts are pooled (AddServiceDbContext): disposing one returns it for the next unit of work,
    // which must not inherit this one's correlation, ledger head or recorded changes.
    public override void Dispose()
    {
        ForgetUnitOfWork();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ForgetUnitOfWork();
        return base.DisposeAsync();
    }

    void ForgetUnitOfWork()
    {
        LedgerCorrelation = null;
        LastAppended = null;
        Frontier = null;
        _recorded.Clear();
    }

    /// <summary>
    /// Saves this unit of work and records every status change it made as a ledger entry, in one
    /// transaction (opened when the caller has none): what callers changing applications use.
    /// Ledger rows are never updated or deleted.
    /// </summary>
    public async Task<int> SaveWithLedgerAsync(CancellationToken ct = default)
    {
        var ownTransaction = Database.CurrentTransaction is null && PendingStatusChanges().Count > 0;
        await using var transaction = ownTransaction ? await Database.BeginWriteTransactionAsync(ct) : null;
        await RecordInLedgerAsync(ct);
        var saved = await SaveChangesAsync(ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>
    /// Turns the status changes of this unit of work not recorded yet into ledger entries, saved
    /// by the next save: for work whose save is not its own (an event handler's, which the inbox
    /// consumer commits; a save that answers a duplicate), inside that save's transaction.
    /// </summary>
    public async Task RecordInLedgerAsync(CancellationToken ct)
    {
        var changes = PendingStatusChanges();
        if (changes.Count == 0)
            return;
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("Status changes are recorded in the ledger inside the transaction that saves them.");
        await this.RecordTransitionsAsync(changes, ct);
        _recorded.UnionWith(changes);
    }

    /// <summary>
    /// Saves, refusing a status change the ledger has not recorded (use <see cref="SaveWithLedgerAsync"/>):
    /// nobody saves a transition without its ledger entry. Entries appended explicitly are saved in
    /// one transaction with the rest.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = Pending();
        if (pending.StatusChanges.Count > 0)
            throw new InvalidOperationException("Status changes are saved with SaveWithLedgerAsync, which records them in the ledger.");
        var ownTransaction = pending.AddsLedgerEntries && Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginWriteTransactionAsync(cancellationToken) : null;
        var saved = await SaveLedgerSafelyAsync(pending.AddsLedgerEntries, acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var pending = Pending();
        return pending.StatusChanges.Count > 0 || pending.AddsLedgerEntries
            ? throw new InvalidOperationException("Changes that the ledger records are saved with SaveWithLedgerAsync.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    List<StatusChange> PendingStatusChanges() => Pending().StatusChanges;

    /// <summary>
    /// The status changes not recorded yet and whether ledger entries are being added, refusing a
    /// changed or deleted ledger row: one DetectChanges and one pass over the tracked entries (each
    /// generic Entries&lt;T&gt;() would detect changes again, a dozen times per unit of work).
    /// </summary>
    (List<StatusChange> StatusChanges, bool AddsLedgerEntries) Pending()
    {
        ChangeTracker.DetectChanges();
        var changes = new List<StatusChange>();
        var addsEntries = false;
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in ChangeTracker.Entries())
            {
                switch (entry.Entity)
                {
                    case StatusChange change when entry.State == EntityState.Added && !_recorded.Contains(change):
                        changes.Add(change);
                        break;
                    case LedgerEntry or LedgerCheckpoint or SignedTreeHead when entry.State is EntityState.Modified or EntityState.Deleted:
                        throw new InvalidOperationException("The ledger is append-only: an entry cannot be changed or deleted.");
                    case LedgerEntry when entry.State == EntityState.Added:
                        addsEntries = true;
                        break;
                }
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return (changes, addsEntries);
    }

    async Task<int> SaveLedgerSafelyAsync(bool addsLedgerEntries, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        // Pending() has just detected the changes: EF need not walk every tracked entry once more.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return addsLedgerEntries && Database.CurrentTransaction is { } transaction
                ? await SaveLedgerRowsFirstAsync(transaction, acceptAllChangesOnSuccess, ct)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException && UniqueViolation.On(ex, "LedgerEntries"))
        {
            // Another writer appended after the same head: a retry of the whole unit re-reads it.
            // (No inner exception: callers would read the unique violation as a domain duplicate.)
            throw new DbUpdateConcurrencyException($"The ledger head moved during this unit of work: {ex.GetBaseException().Message}");
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    const string LedgerRows = "ledger_rows";

    /// <summary>
    /// The ledger's entries and subtrees by one prepared statement each, then the rest by EF: a
    /// window's closing appends hundreds of thousands of them, which EF's batches would plan and
    /// prepare again and again. Inside a savepoint, so that a failed save leaves none of its rows,
    /// as EF's own savepoint does for the rest.
    /// </summary>
    async Task<int> SaveLedgerRowsFirstAsync(IDbContextTransaction transaction, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        await transaction.CreateSavepointAsync(LedgerRows, ct);
        var written = new List<EntityEntry>();
        try
        {
            written.AddRange(await this.InsertAddedAsync<LedgerEntry>(ct));
            written.AddRange(await this.InsertAddedAsync<LedgerTreeNode>(ct));
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            await transaction.ReleaseSavepointAsync(LedgerRows, ct);
            return written.Count + saved;
        }
        catch
        {
            await UndoAsync(transaction, written);
            throw;
        }
    }

    static async Task UndoAsync(IDbContextTransaction transaction, IReadOnlyList<EntityEntry> written)
    {
        AppendOnlyInsert.MarkAdded(written);
        try
        {
            await transaction.RollbackToSavepointAsync(LedgerRows, CancellationToken.None);
            await transaction.ReleaseSavepointAsync(LedgerRows, CancellationToken.None);
        }
        catch (DbException)
        {
            // The engine ended the transaction itself (it is then retried whole): nothing left to undo.
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.UseUtcTimestamps();
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.AddParticipation();
        model.AddProgramme();

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
        model.AddInvitations();

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
            e.Ignore(c => c.LedgerKind);
            e.Ignore(c => c.LedgerDetails);
        });

        model.Entity<LedgerEntry>(e =>
        {
            e.ToTable("LedgerEntries");
            e.HasKey(l => l.Sequence);
            // The sequence is the chain's, never the database's: gaps must mean deletion.
            e.Property(l => l.Sequence).ValueGeneratedNever();
            e.Property(l => l.PreviousHash).HasMaxLength(64);
            e.Property(l => l.Hash).HasMaxLength(64);
            // Two entries after the same head would fork the chain.
            e.HasIndex(l => l.PreviousHash).IsUnique();
            e.HasIndex(l => l.ApplicationId);
            e.HasIndex(l => l.OrganizationId);
            // A dialogue's entries, and its objection facts (its figures) without reading every other entry of it.
            e.HasIndex(l => new { l.DialogueId, l.Kind });
            e.HasIndex(l => l.ActorSubject);
            e.HasIndex(l => l.At);
        });

        model.Entity<LedgerCheckpoint>(e =>
        {
            e.ToTable("LedgerCheckpoints");
            e.Property(c => c.Id).ValueGeneratedOnAdd();
            e.HasIndex(c => c.Count);
        });

        model.Entity<LedgerTreeNode>(e =>
        {
            e.ToTable("LedgerTreeNodes");
            e.HasKey(n => new { n.Level, n.Index });
            e.Ignore(n => n.Id);
        });

        model.Entity<SignedTreeHead>(e =>
        {
            e.ToTable("SignedTreeHeads");
            e.Property(h => h.Id).ValueGeneratedOnAdd();
            e.Property(h => h.RootHash).HasMaxLength(64);
            e.HasIndex(h => h.Size);
        });
    }
}

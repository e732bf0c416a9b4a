using System.Text.Json;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Accreditation.Registration.Data;

/// <summary>Tables of the dialogue itself: programme, agenda, meeting documents, panels, speakers, attendance.</summary>
public static class ProgrammeModel
{
    public static DbSet<DialogueProgramme> Programmes(this RegistrationDb db) => db.Set<DialogueProgramme>();
    public static DbSet<AgendaItem> AgendaItems(this RegistrationDb db) => db.Set<AgendaItem>();
    public static DbSet<MeetingDocument> MeetingDocuments(this RegistrationDb db) => db.Set<MeetingDocument>();
    public static DbSet<StoredDocument> StoredDocuments(this RegistrationDb db) => db.Set<StoredDocument>();
    public static DbSet<Panellist> Panellists(this RegistrationDb db) => db.Set<Panellist>();
    public static DbSet<FloorRequest> FloorRequests(this RegistrationDb db) => db.Set<FloorRequest>();
    public static DbSet<Attendance> Attendances(this RegistrationDb db) => db.Set<Attendance>();
    public static DbSet<JoinCode> JoinCodes(this RegistrationDb db) => db.Set<JoinCode>();

    public static void AddProgramme(this ModelBuilder model)
    {
        model.Entity<DialogueProgramme>(e =>
        {
            e.ToTable("DialogueProgrammes");
            e.HasKey(p => p.DialogueId);
            e.HasOne<Dialogue>().WithOne().HasForeignKey<DialogueProgramme>(p => p.DialogueId);
            e.HasIndex(p => p.Series);
            Json(e.Property(p => p.FurtherWorkingGroups));
            Json(e.Property(p => p.Chairs));
        });

        model.Entity<AgendaItem>(e =>
        {
            e.ToTable("AgendaItems");
            // The agenda's order: two items cannot share a number (ALREADY_EXISTS).
            e.HasIndex(i => new { i.DialogueId, i.Number }).IsUnique();
            e.HasOne<Dialogue>().WithMany().HasForeignKey(i => i.DialogueId);
        });

        model.Entity<MeetingDocument>(e =>
        {
            e.ToTable("MeetingDocuments");
            // A symbol names one document of the dialogue (ALREADY_EXISTS).
            e.HasIndex(d => new { d.DialogueId, d.Symbol }).IsUnique();
            e.HasOne<Dialogue>().WithMany().HasForeignKey(d => d.DialogueId);
            // A removed item's documents stay, attached to the dialogue.
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<StoredDocument>(e =>
        {
            e.ToTable("ProgrammeDocuments");
            e.HasKey(d => d.OwnerId);
        });

        model.Entity<Panellist>(e =>
        {
            e.ToTable("Panellists");
            // The same representative twice on one panel is ALREADY_EXISTS.
            e.HasIndex(p => new { p.AgendaItemId, p.RepresentativeId }).IsUnique();
            e.HasIndex(p => p.OrganizationId);
            e.HasIndex(p => p.DialogueId);
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(p => p.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Representative>().WithMany().HasForeignKey(p => p.RepresentativeId);
        });

        model.Entity<FloorRequest>(e =>
        {
            e.ToTable("FloorRequests");
            e.Ignore(f => f.HasStatement);
            e.Ignore(f => f.StatementPublished);
            e.HasIndex(f => new { f.AgendaItemId, f.Position });
            e.HasIndex(f => new { f.DialogueId, f.OrganizationId });
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(f => f.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Application>().WithMany().HasForeignKey(f => f.ApplicationId);
            e.OwnsMany(f => f.OnBehalf, o =>
            {
                o.ToTable("FloorRequestOnBehalf");
                o.WithOwner().HasForeignKey("FloorRequestId");
                o.HasKey("FloorRequestId", nameof(OnBehalfOf.OrganizationId));
                o.HasIndex(b => b.OrganizationId);
            });
            e.Navigation(f => f.OnBehalf).AutoInclude();
        });

        model.Entity<Attendance>(e =>
        {
            e.ToTable("Attendances");
            // A representative attends once, whatever the mode recorded first.
            e.HasIndex(a => a.RepresentativeId).IsUnique();
            e.HasIndex(a => a.DialogueId);
            e.HasOne<Representative>().WithMany().HasForeignKey(a => a.RepresentativeId);
        });

        model.Entity<JoinCode>(e =>
        {
            e.ToTable("JoinCodes");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(32);
            e.HasIndex(c => c.RepresentativeId).IsUnique();
            e.HasOne<Representative>().WithMany().HasForeignKey(c => c.RepresentativeId);
        });
    }

    static void Json<T>(PropertyBuilder<List<T>> property) => property.HasConversion(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Default) ?? new List<T>(),
        new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, x) => HashCode.Combine(h, x)), a => a.ToList()));
}

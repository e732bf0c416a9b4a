using Accreditation.Registration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>Tables of what follows admission: representatives, replies to objections, written comments.</summary>
public static class ParticipationModel
{
    public static void AddParticipation(this ModelBuilder model)
    {
        model.Entity<Representative>(e =>
        {
            e.ToTable("Representatives");
            e.Ignore(r => r.IsActive);
            e.Ignore(r => r.HoldsSeat);
            // Nomination order is the waiting list's order: two writers cannot take the same place.
            e.HasIndex(r => new { r.DialogueId, r.Position }).IsUnique();
            e.HasIndex(r => new { r.DialogueId, r.Status });
            e.HasIndex(r => r.ApplicationId);
            e.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        });

        model.Entity<ObjectionReply>(e =>
        {
            e.ToTable("ObjectionReplies");
            // One reply per application: a second is ALREADY_EXISTS.
            e.HasIndex(r => r.ApplicationId).IsUnique();
            e.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        });

        model.Entity<WrittenComment>(e =>
        {
            e.ToTable("WrittenComments");
            e.Ignore(c => c.IsPublished);
            e.HasIndex(c => new { c.DialogueId, c.SubmittedAt });
            e.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId);
        });

        model.Entity<CommentDocument>(e =>
        {
            e.ToTable("CommentDocuments");
            e.HasKey(d => d.CommentId);
            e.HasOne<WrittenComment>().WithOne().HasForeignKey<CommentDocument>(d => d.CommentId);
        });
    }
}

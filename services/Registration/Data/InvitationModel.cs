using Accreditation.Registration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

static class InvitationModel
{
    public static ModelBuilder AddInvitations(this ModelBuilder model)
    {
        model.Entity<Invitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.Email).HasMaxLength(254);
            e.Property(i => i.CodeHash).HasMaxLength(64);
            // A code is looked up by its hash alone.
            e.HasIndex(i => i.CodeHash).IsUnique();
            e.HasIndex(i => i.OrganizationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        });
        return model;
    }
}

using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Auth;

public static class RevokedClientsModel
{
    public static ModelBuilder AddRevokedClients(this ModelBuilder model)
    {
        model.Entity<RevokedClient>(e =>
        {
            e.ToTable("RevokedClients");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasMaxLength(100);
        });
        return model;
    }
}

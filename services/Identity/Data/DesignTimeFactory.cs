using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.Identity.Data;

/// <summary>Lets dotnet-ef build the model without booting the service (which would generate keys and need an issuer).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseSqlite("Data Source=design-time.db").Options);
}

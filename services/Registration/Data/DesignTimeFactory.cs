using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.Registration.Data;

/// <summary>Lets dotnet-ef build the model without booting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RegistrationDb>
{
    public RegistrationDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RegistrationDb>().UseSqlite("Data Source=design-time.db").Options);
}

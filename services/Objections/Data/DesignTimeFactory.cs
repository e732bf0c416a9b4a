using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.Objections.Data;

/// <summary>Lets dotnet-ef build the model without booting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ObjectionsDb>
{
    public ObjectionsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ObjectionsDb>().UseSqlite("Data Source=design-time.db").Options);
}

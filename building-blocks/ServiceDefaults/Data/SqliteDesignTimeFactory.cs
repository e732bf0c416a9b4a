using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>Lets dotnet-ef build a service's model without booting the service.</summary>
public abstract class SqliteDesignTimeFactory<TDb>(Func<DbContextOptions<TDb>, TDb> create) : IDesignTimeDbContextFactory<TDb>
    where TDb : DbContext
{
    public TDb CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TDb>().UseSqlite("Data Source=design-time.db").Options);
}

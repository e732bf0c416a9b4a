using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>Lets dotnet-ef build a service's PostgreSQL model and migrations (no server is contacted).</summary>
public abstract class PostgreSqlDesignTimeFactory<TDb>(Func<DbContextOptions<TDb>, TDb> create) : IDesignTimeDbContextFactory<TDb>
    where TDb : DbContext
{
    public TDb CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TDb>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

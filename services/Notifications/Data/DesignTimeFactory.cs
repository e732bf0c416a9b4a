using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Accreditation.Notifications.Data;

/// <summary>Lets dotnet-ef build the model without booting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDb>
{
    public NotificationsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsDb>().UseSqlite("Data Source=design-time.db").Options);
}

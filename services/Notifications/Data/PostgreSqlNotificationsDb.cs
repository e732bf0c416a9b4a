using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Data;

/// <summary>
/// NotificationsDb on PostgreSQL: the same model, with the migrations of that provider (Data/Migrations/PostgreSql).
/// The service asks for NotificationsDb and gets this one when Database:Provider says PostgreSql.
/// </summary>
public sealed class PostgreSqlNotificationsDb(DbContextOptions<PostgreSqlNotificationsDb> options) : NotificationsDb(options);

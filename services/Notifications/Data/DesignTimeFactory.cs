using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Notifications.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<NotificationsDb>(options => new NotificationsDb(options));

public sealed class PostgreSqlDesignTimeFactory() : PostgreSqlDesignTimeFactory<PostgreSqlNotificationsDb>(options => new PostgreSqlNotificationsDb(options));

using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Notifications.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<NotificationsDb>(options => new NotificationsDb(options));

using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Registration.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<RegistrationDb>(options => new RegistrationDb(options));

public sealed class PostgreSqlDesignTimeFactory() : PostgreSqlDesignTimeFactory<PostgreSqlRegistrationDb>(options => new PostgreSqlRegistrationDb(options));

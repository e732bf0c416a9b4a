using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Identity.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<IdentityDb>(options => new IdentityDb(options));

public sealed class PostgreSqlDesignTimeFactory() : PostgreSqlDesignTimeFactory<PostgreSqlIdentityDb>(options => new PostgreSqlIdentityDb(options));

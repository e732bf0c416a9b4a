using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Objections.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<ObjectionsDb>(options => new ObjectionsDb(options));

public sealed class PostgreSqlDesignTimeFactory() : PostgreSqlDesignTimeFactory<PostgreSqlObjectionsDb>(options => new PostgreSqlObjectionsDb(options));

using Microsoft.EntityFrameworkCore;

namespace Accreditation.Objections.Data;

/// <summary>
/// ObjectionsDb on PostgreSQL: the same model, with the migrations of that provider (Data/Migrations/PostgreSql).
/// The service asks for ObjectionsDb and gets this one when Database:Provider says PostgreSql.
/// </summary>
public sealed class PostgreSqlObjectionsDb(DbContextOptions<PostgreSqlObjectionsDb> options) : ObjectionsDb(options);

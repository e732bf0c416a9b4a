using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Data;

/// <summary>
/// IdentityDb on PostgreSQL: the same model, with the migrations of that provider (Data/Migrations/PostgreSql).
/// The service asks for IdentityDb and gets this one when Database:Provider says PostgreSql.
/// </summary>
public sealed class PostgreSqlIdentityDb(DbContextOptions<PostgreSqlIdentityDb> options) : IdentityDb(options);

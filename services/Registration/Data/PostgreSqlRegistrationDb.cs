using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>
/// RegistrationDb on PostgreSQL: the same model, with the migrations of that provider (Data/Migrations/PostgreSql).
/// The service asks for RegistrationDb and gets this one when Database:Provider says PostgreSql.
/// </summary>
public sealed class PostgreSqlRegistrationDb(DbContextOptions<PostgreSqlRegistrationDb> options) : RegistrationDb(options);

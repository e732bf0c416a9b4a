using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerWitness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WitnessConflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HeldSize = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldRoot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessConflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WitnessedHeads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", nullable: false),
                    WitnessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessedHeads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WitnessedHeads_Origin_Size",
                table: "WitnessedHeads",
                columns: new[] { "Origin", "Size" });

            // What the witness holds is never rewritten by the service: heads and conflicts are append-only.
            foreach (var table in new[] { "WitnessedHeads", "WitnessConflicts" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'The ledger witness is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, 'The ledger witness is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "WitnessedHeads", "WitnessConflicts" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
            }
            migrationBuilder.DropTable(
                name: "WitnessConflicts");

            migrationBuilder.DropTable(
                name: "WitnessedHeads");
        }
    }
}

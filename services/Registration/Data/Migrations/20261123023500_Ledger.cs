using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Registration.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorSubject = table.Column<string>(type: "TEXT", nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    StateBefore = table.Column<string>(type: "TEXT", nullable: true),
                    StateAfter = table.Column<string>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCheckpoints_Count",
                table: "LedgerCheckpoints",
                column: "Count");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ActorSubject",
                table: "LedgerEntries",
                column: "ActorSubject");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ApplicationId",
                table: "LedgerEntries",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_At",
                table: "LedgerEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_DialogueId",
                table: "LedgerEntries",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrganizationId",
                table: "LedgerEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_PreviousHash",
                table: "LedgerEntries",
                column: "PreviousHash",
                unique: true);

            // Append-only in the database too: no statement of the service can rewrite history.
            migrationBuilder.Sql("CREATE TRIGGER LedgerEntries_NoUpdate BEFORE UPDATE ON LedgerEntries BEGIN SELECT RAISE(ABORT, 'The ledger is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER LedgerEntries_NoDelete BEFORE DELETE ON LedgerEntries BEGIN SELECT RAISE(ABORT, 'The ledger is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LedgerEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LedgerEntries_NoDelete;");
            migrationBuilder.DropTable(
                name: "LedgerCheckpoints");

            migrationBuilder.DropTable(
                name: "LedgerEntries");
        }
    }
}

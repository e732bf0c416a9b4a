using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Registration.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerTreeNodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTreeNodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "SignedTreeHeads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedTreeHeads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignedTreeHeads_Size",
                table: "SignedTreeHeads",
                column: "Size");

            // Heads, like entries, are never rewritten by the service (the witness holds the copy that counts).
            migrationBuilder.Sql("CREATE TRIGGER SignedTreeHeads_NoUpdate BEFORE UPDATE ON SignedTreeHeads BEGIN SELECT RAISE(ABORT, 'Signed tree heads are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER SignedTreeHeads_NoDelete BEFORE DELETE ON SignedTreeHeads BEGIN SELECT RAISE(ABORT, 'Signed tree heads are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SignedTreeHeads_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SignedTreeHeads_NoDelete;");
            migrationBuilder.DropTable(
                name: "LedgerTreeNodes");

            migrationBuilder.DropTable(
                name: "SignedTreeHeads");
        }
    }
}

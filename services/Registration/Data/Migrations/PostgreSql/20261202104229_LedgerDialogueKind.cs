using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Registration.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LedgerDialogueKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_DialogueId",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_DialogueId_Kind",
                table: "LedgerEntries",
                columns: new[] { "DialogueId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_DialogueId_Kind",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_DialogueId",
                table: "LedgerEntries",
                column: "DialogueId");
        }
    }
}

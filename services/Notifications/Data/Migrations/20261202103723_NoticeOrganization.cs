using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoticeOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            // Notices written before the column: the organization is the recipient's id ("organization:" is 13 characters; SQLite keeps a Guid as upper-case text).
            migrationBuilder.Sql("UPDATE \"Notices\" SET \"OrganizationId\" = upper(substr(\"Recipient\", 14)) WHERE \"Recipient\" LIKE 'organization:%';");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_OrganizationId_ReadAt",
                table: "Notices",
                columns: new[] { "OrganizationId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_OrganizationId_ReadAt",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "Notices");
        }
    }
}

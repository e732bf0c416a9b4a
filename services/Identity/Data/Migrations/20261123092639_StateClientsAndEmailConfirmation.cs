using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Accreditation.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class StateClientsAndEmailConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EmailConfirmationExpiresAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConfirmationHash",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "ApiClients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Managed",
                table: "ApiClients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "ApiClients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SecretRotatedAt",
                table: "ApiClients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevokedClients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedClients", x => x.ClientId);
                });

            migrationBuilder.CreateIndex(
                name: "ActiveClientPerState",
                table: "ApiClients",
                column: "StateCode",
                unique: true,
                filter: "\"RevokedAt\" IS NULL AND \"StateCode\" IS NOT NULL");

            // Accounts from before confirmation existed were never sent a code: they keep signing in.
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevokedClients");

            migrationBuilder.DropIndex(
                name: "ActiveClientPerState",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "EmailConfirmationExpiresAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "EmailConfirmationHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "Managed",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "SecretRotatedAt",
                table: "ApiClients");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regentra.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PermissionSeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SaasPermissionSeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PermissionName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaasPermissionSeeds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SaasPermissionSeeds_TenantId_PermissionName",
                table: "SaasPermissionSeeds",
                columns: new[] { "TenantId", "PermissionName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SaasPermissionSeeds");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regentra.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HostScopeUniqueness : Migration
    {
        private const string DuplicateHostRoles = """
            SELECT r."Id" FROM "SaasRoles" r WHERE r."TenantId" IS NULL
              AND EXISTS (SELECT 1 FROM "SaasRoles" k WHERE k."TenantId" IS NULL AND k."NormalizedName" = r."NormalizedName" AND k."Id" < r."Id")
            """;

        private const string DuplicateHostUsers = """
            SELECT u."Id" FROM "SaasUsers" u WHERE u."TenantId" IS NULL
              AND EXISTS (SELECT 1 FROM "SaasUsers" k WHERE k."TenantId" IS NULL AND k."NormalizedUserName" = u."NormalizedUserName" AND k."Id" < u."Id")
            """;

        private static readonly string[] HostScopeDeduplication =
        [
            """
            INSERT INTO "SaasUserRoles" ("UserId", "RoleId")
            SELECT DISTINCT ur."UserId", k."Id" FROM "SaasUserRoles" ur
            JOIN "SaasRoles" r ON r."Id" = ur."RoleId"
            JOIN "SaasRoles" k ON k."TenantId" IS NULL AND k."NormalizedName" = r."NormalizedName" AND k."Id" < r."Id"
            WHERE r."TenantId" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "SaasRoles" m WHERE m."TenantId" IS NULL AND m."NormalizedName" = k."NormalizedName" AND m."Id" < k."Id")
              AND NOT EXISTS (SELECT 1 FROM "SaasUserRoles" x WHERE x."UserId" = ur."UserId" AND x."RoleId" = k."Id")
            """,
            $"""DELETE FROM "SaasUserRoles" WHERE "RoleId" IN ({DuplicateHostRoles})""",
            $"""DELETE FROM "SaasRolePermissionGrants" WHERE "RoleId" IN ({DuplicateHostRoles})""",
            $"""DELETE FROM "SaasRoleClaims" WHERE "RoleId" IN ({DuplicateHostRoles})""",
            $"""DELETE FROM "SaasRoles" WHERE "Id" IN ({DuplicateHostRoles})""",
            $"""DELETE FROM "SaasUserSessions" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUserRoles" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUserClaims" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUserLogins" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUserTokens" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUserPasskeys" WHERE "UserId" IN ({DuplicateHostUsers})""",
            $"""DELETE FROM "SaasUsers" WHERE "Id" IN ({DuplicateHostUsers})""",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before the host scope was unique, hosts starting together could create the HostAdmin role or a host operator
            // twice. Keep the first of each (by id) and fold the others into it, so the unique indexes below can be built.
            foreach (var statement in HostScopeDeduplication)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateIndex(
                name: "IX_SaasUsers_TenantId_UserName_HostScope",
                table: "SaasUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "\"TenantId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SaasRoles_TenantId_Name_HostScope",
                table: "SaasRoles",
                column: "NormalizedName",
                unique: true,
                filter: "\"TenantId\" IS NULL");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SaasUsers_TenantId_UserName_HostScope",
                table: "SaasUsers");

            migrationBuilder.DropIndex(
                name: "IX_SaasRoles_TenantId_Name_HostScope",
                table: "SaasRoles");

        }
    }
}

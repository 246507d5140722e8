using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Regentra.Host.Data;

#nullable disable

namespace Regentra.Host.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The anonymous rate limit's counters, shared by every host (PostgreSqlRateLimitCounter). Not part of the EF
    /// model: only raw SQL touches it, and only on PostgreSQL (SQLite serves one host, which counts in memory).
    /// Unlogged: a crash loses at most a minute of counts, and no write-ahead log is spent on them.
    /// </summary>
    [DbContext(typeof(PostgreSqlRegentraDbContext))]
    [Migration("20261202021000_HostRateLimitCounters")]
    public partial class HostRateLimitCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE "HostRateLimitCounters" (
                    "Key" text NOT NULL,
                    "WindowStart" timestamp with time zone NOT NULL,
                    "Count" integer NOT NULL,
                    CONSTRAINT "PK_HostRateLimitCounters" PRIMARY KEY ("Key", "WindowStart"));
                CREATE INDEX "IX_HostRateLimitCounters_WindowStart" ON "HostRateLimitCounters" ("WindowStart");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "HostRateLimitCounters";""");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regentra.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StripePayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Method",
                table: "BillingPayments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<bool>(
                name: "Applied",
                table: "BillingPayments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "BillingPayments",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Flag",
                table: "BillingPayments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FlagMessage",
                table: "BillingPayments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FlagResolution",
                table: "BillingPayments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FlagResolvedAt",
                table: "BillingPayments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FlagResolvedBy",
                table: "BillingPayments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "BillingPayments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReversedAt",
                table: "BillingPayments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BillingPayments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StripeChargeId",
                table: "BillingPayments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripeCheckoutSessionId",
                table: "BillingPayments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripePaymentIntentId",
                table: "BillingPayments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripeRefundId",
                table: "BillingPayments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FlaggedPayments",
                table: "BillingInvoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "BillingInvoices",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Payments recorded before Stripe were all typed in by hand and all counted, in their invoice's currency.
            migrationBuilder.Sql(
                """
                UPDATE "BillingPayments" SET "Applied" = TRUE, "Source" = 'Manual', "Flag" = 'None',
                    "Currency" = (SELECT i."Currency" FROM "BillingInvoices" i WHERE i."Id" = "BillingPayments"."InvoiceId")
                """);

            migrationBuilder.CreateTable(
                name: "BillingCheckoutSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    StripeAmount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StripeSessionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PaymentIntentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CreationTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingCheckoutSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingStripeConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    Mode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PublishableKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SecretKeyProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SecretKeyLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    RestrictedKey = table.Column<bool>(type: "boolean", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AccountName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WebhookToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WebhookEndpointId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    WebhookSigningSecretProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WebhookEndpointMissing = table.Column<bool>(type: "boolean", nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastTestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastTestSucceeded = table.Column<bool>(type: "boolean", nullable: true),
                    LastTestError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastWebhookAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreationTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModificationTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingStripeConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingStripeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    EventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StripeCreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreationTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingStripeEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BillingInvoices_TenantId_FlaggedPayments",
                table: "BillingInvoices",
                columns: new[] { "TenantId", "FlaggedPayments" },
                filter: "\"FlaggedPayments\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_BillingCheckoutSessions_TenantId_InvoiceId_Attempt",
                table: "BillingCheckoutSessions",
                columns: new[] { "TenantId", "InvoiceId", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BillingCheckoutSessions_TenantId_Status",
                table: "BillingCheckoutSessions",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BillingCheckoutSessions_TenantId_StripeSessionId",
                table: "BillingCheckoutSessions",
                columns: new[] { "TenantId", "StripeSessionId" },
                unique: true,
                filter: "\"StripeSessionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BillingStripeConnections_TenantId",
                table: "BillingStripeConnections",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BillingStripeConnections_WebhookToken",
                table: "BillingStripeConnections",
                column: "WebhookToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BillingStripeEvents_TenantId_EventId",
                table: "BillingStripeEvents",
                columns: new[] { "TenantId", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BillingCheckoutSessions");

            migrationBuilder.DropTable(
                name: "BillingStripeConnections");

            migrationBuilder.DropTable(
                name: "BillingStripeEvents");

            migrationBuilder.DropIndex(
                name: "IX_BillingInvoices_TenantId_FlaggedPayments",
                table: "BillingInvoices");

            migrationBuilder.DropColumn(
                name: "Applied",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "Flag",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "FlagMessage",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "FlagResolution",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "FlagResolvedAt",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "FlagResolvedBy",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "ReversedAt",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "StripeChargeId",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "StripeCheckoutSessionId",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "StripePaymentIntentId",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "StripeRefundId",
                table: "BillingPayments");

            migrationBuilder.DropColumn(
                name: "FlaggedPayments",
                table: "BillingInvoices");

            migrationBuilder.DropColumn(
                name: "RefundedMinor",
                table: "BillingInvoices");

            migrationBuilder.AlterColumn<string>(
                name: "Method",
                table: "BillingPayments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);
        }
    }
}

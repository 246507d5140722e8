using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regentra.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StripePayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Applied",
                table: "BillingPayments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Flag",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FlagMessage",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FlagResolution",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FlagResolvedAt",
                table: "BillingPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FlagResolvedBy",
                table: "BillingPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReversedAt",
                table: "BillingPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StripeChargeId",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripeCheckoutSessionId",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripePaymentIntentId",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripeRefundId",
                table: "BillingPayments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FlaggedPayments",
                table: "BillingInvoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "BillingInvoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Payments recorded before Stripe were all typed in by hand and all counted, in their invoice's currency.
            migrationBuilder.Sql(
                """
                UPDATE "BillingPayments" SET "Applied" = 1, "Source" = 'Manual', "Flag" = 'None',
                    "Currency" = (SELECT i."Currency" FROM "BillingInvoices" i WHERE i."Id" = "BillingPayments"."InvoiceId")
                """);

            migrationBuilder.CreateTable(
                name: "BillingCheckoutSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    StripeAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StripeSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingCheckoutSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingStripeConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PublishableKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SecretKeyProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SecretKeyLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    RestrictedKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WebhookToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WebhookEndpointId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    WebhookSigningSecretProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookEndpointMissing = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastTestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastTestSucceeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastTestError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastWebhookAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastModificationTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingStripeConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingStripeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StripeCreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
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
        }
    }
}

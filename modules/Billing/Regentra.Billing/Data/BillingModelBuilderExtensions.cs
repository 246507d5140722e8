using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Agreements;
using Regentra.Billing.Checkout;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Invoices;
using Regentra.Billing.Invoices.Emails;
using Regentra.Billing.Runs;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeWebhooks;

namespace Regentra.Billing.Data;

internal static class BillingModelBuilderExtensions
{
    /// <summary>
    /// Maps the Billing tables (prefixed "Billing"). Money is stored as integer minor units (bigint), which both
    /// providers sum exactly in SQL; rates and quantities are fixed-precision decimals.
    /// </summary>
    public static ModelBuilder ConfigureBilling(this ModelBuilder builder)
    {
        builder.Entity<Agreement>(b =>
        {
            b.ToTable("BillingAgreements");
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Currency).HasMaxLength(3).IsRequired();
            b.Property(a => a.HourlyRate).HasPrecision(18, 4);
            b.Property(a => a.MonthlyFee).HasPrecision(18, 4);
            b.Property(a => a.IncludedHours).HasPrecision(10, 2);
            b.Property(a => a.OverageRate).HasPrecision(18, 4);
            b.Property(a => a.Scope).HasMaxLength(1000);
            b.Ignore(a => a.Rounding);
            b.HasIndex(a => new { a.TenantId, a.ClientId, a.EffectiveFrom }).IsUnique();
            b.HasIndex(a => new { a.TenantId, a.AutoInvoice });
        });

        builder.Entity<Invoice>(b =>
        {
            b.ToTable("BillingInvoices");
            b.Property(i => i.ClientName).HasMaxLength(200).IsRequired();
            b.Property(i => i.BillingEmail).HasMaxLength(256);
            b.Property(i => i.ClientAddress).HasMaxLength(500);
            b.Property(i => i.Currency).HasMaxLength(3).IsRequired();
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.Number).HasMaxLength(40);
            b.Property(i => i.TaxRatePercent).HasPrecision(7, 4);
            b.Property(i => i.BlockIncludedHours).HasPrecision(10, 2);
            b.Property(i => i.BlockRolledInHours).HasPrecision(10, 2);
            b.Property(i => i.BlockUsedHours).HasPrecision(10, 2);
            b.Property(i => i.BlockOverageHours).HasPrecision(10, 2);
            b.Property(i => i.BlockCarriedOutHours).HasPrecision(10, 2);
            b.Property(i => i.WarningsJson).IsRequired();
            b.Property(i => i.PayToken).HasMaxLength(64);
            b.Property(i => i.VoidReason).HasMaxLength(1000);
            b.Ignore(i => i.BalanceMinor);
            b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(i => i.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(i => i.Emails).WithOne().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(i => i.Emails).UsePropertyAccessMode(PropertyAccessMode.Field);

            // A client's period is invoiced once: a second invoice for it can exist only after voiding the first.
            b.HasIndex(i => new { i.TenantId, i.ClientId, i.PeriodStart, i.PeriodEnd }).IsUnique()
                .HasFilter($"\"Status\" <> '{nameof(InvoiceStatus.Void)}'").HasDatabaseName("IX_BillingInvoices_OnePerClientPeriod");
            b.HasIndex(i => new { i.TenantId, i.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
            b.HasIndex(i => new { i.TenantId, i.Status, i.DueDate });
            b.HasIndex(i => new { i.TenantId, i.ClientId, i.PeriodStart });
            b.HasIndex(i => new { i.TenantId, i.CreationTime });
            b.HasIndex(i => i.PayToken).IsUnique().HasFilter("\"PayToken\" IS NOT NULL");
            b.HasIndex(i => new { i.TenantId, i.FlaggedPayments }).HasFilter("\"FlaggedPayments\" > 0");
        });

        builder.Entity<InvoiceLine>(b =>
        {
            b.ToTable("BillingInvoiceLines");
            b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(l => l.TechnicianName).HasMaxLength(128);
            b.Property(l => l.TicketNumber).HasMaxLength(20);
            b.Property(l => l.Description).HasMaxLength(4000).IsRequired();
            b.Property(l => l.Quantity).HasPrecision(12, 4);
            b.Property(l => l.UnitPrice).HasPrecision(18, 4);
            b.HasIndex(l => new { l.InvoiceId, l.Position }); // read through its invoice, whose id pins the tenant
        });

        builder.Entity<Payment>(b =>
        {
            b.ToTable("BillingPayments");
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.Source).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.Currency).HasMaxLength(3).IsRequired();
            b.Property(p => p.Method).HasMaxLength(40).IsRequired();
            b.Property(p => p.Reference).HasMaxLength(200);
            b.Property(p => p.ExternalId).HasMaxLength(200);
            b.Property(p => p.Message).HasMaxLength(500);
            b.Property(p => p.Flag).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.FlagMessage).HasMaxLength(500);
            b.Property(p => p.FlagResolution).HasMaxLength(500);
            b.Property(p => p.StripePaymentIntentId).HasMaxLength(255);
            b.Property(p => p.StripeChargeId).HasMaxLength(255);
            b.Property(p => p.StripeRefundId).HasMaxLength(255);
            b.Property(p => p.StripeCheckoutSessionId).HasMaxLength(255);
            b.Ignore(p => p.NeedsAttention);
            b.HasIndex(p => new { p.TenantId, p.InvoiceId });
            b.HasIndex(p => new { p.TenantId, p.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        });

        builder.Entity<InvoiceEmail>(b =>
        {
            b.ToTable("BillingInvoiceEmails");
            b.Property(e => e.MessageId).HasMaxLength(255).IsRequired();
            b.Property(e => e.Recipient).HasMaxLength(256).IsRequired();
            b.Property(e => e.Subject).HasMaxLength(500).IsRequired();
            b.Property(e => e.TextBody).HasMaxLength(8000).IsRequired();
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(e => e.LastError).HasMaxLength(1000);
            b.Ignore(e => e.InterruptedAttempts);
            b.HasIndex(e => new { e.TenantId, e.InvoiceId, e.Send }).IsUnique();

            // The outbox job's question, across organisations: which emails are waiting and due?
            b.HasIndex(e => e.NextAttemptAt).HasFilter($"\"Status\" = '{nameof(InvoiceEmailStatus.Pending)}'").HasDatabaseName("IX_BillingInvoiceEmails_Due");
        });

        builder.Entity<InvoiceNumberSequence>(b =>
        {
            b.ToTable("BillingInvoiceNumberSequences");
            b.HasKey(s => new { s.TenantId, s.Year });
        });

        builder.Entity<ClientBillingLock>(b =>
        {
            b.ToTable("BillingClientLocks");
            b.HasKey(l => new { l.TenantId, l.ClientId });
        });

        builder.Entity<BillingRun>(b =>
        {
            b.ToTable("BillingRuns");
            b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(10);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Error).HasMaxLength(4000);
            b.HasIndex(r => new { r.TenantId, r.PeriodStart }, "IX_BillingRuns_OneScheduledPerMonth").IsUnique()
                .HasFilter($"\"Trigger\" = '{nameof(RunTrigger.Scheduled)}'");
            // Two runs of the same month at once would only race each other; the second start is refused (409).
            b.HasIndex(r => new { r.TenantId, r.PeriodStart }, "IX_BillingRuns_OneActivePerMonth").IsUnique()
                .HasFilter($"\"Status\" IN ('{nameof(BillingRunStatus.Queued)}', '{nameof(BillingRunStatus.Running)}')");
            b.HasIndex(r => new { r.TenantId, r.CreationTime });
        });

        builder.Entity<BillingRunItem>(b =>
        {
            b.ToTable("BillingRunItems");
            b.Property(i => i.ClientName).HasMaxLength(200).IsRequired();
            b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(10);
            b.Property(i => i.Message).HasMaxLength(4000);
            b.HasIndex(i => new { i.TenantId, i.RunId, i.ClientId }).IsUnique();
        });

        builder.Entity<StripeConnection>(b =>
        {
            b.ToTable("BillingStripeConnections");
            b.Property(c => c.Mode).HasConversion<string>().HasMaxLength(4);
            b.Property(c => c.PublishableKey).HasMaxLength(StripeKeys.MaxLength).IsRequired();
            b.Property(c => c.SecretKeyProtected).HasMaxLength(2000).IsRequired();
            b.Property(c => c.SecretKeyLast4).HasMaxLength(4).IsRequired();
            b.Property(c => c.AccountId).HasMaxLength(255).IsRequired();
            b.Property(c => c.AccountName).HasMaxLength(200);
            b.Property(c => c.WebhookToken).HasMaxLength(64).IsRequired();
            b.Property(c => c.WebhookEndpointId).HasMaxLength(255);
            b.Property(c => c.WebhookSigningSecretProtected).HasMaxLength(2000);
            b.Property(c => c.LastTestError).HasMaxLength(1000);
            b.Ignore(c => c.WebhookStatus);
            b.HasIndex(c => c.TenantId).IsUnique(); // one Stripe account per organisation
            b.HasIndex(c => c.WebhookToken).IsUnique(); // deliveries find their organisation by it, across tenants
        });

        builder.Entity<CheckoutSession>(b =>
        {
            b.ToTable("BillingCheckoutSessions");
            b.Property(s => s.Currency).HasMaxLength(3).IsRequired();
            b.Property(s => s.IdempotencyKey).HasMaxLength(120).IsRequired();
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(s => s.StripeSessionId).HasMaxLength(255);
            b.Property(s => s.Url).HasMaxLength(2000);
            b.Property(s => s.PaymentIntentId).HasMaxLength(255);
            b.HasIndex(s => new { s.TenantId, s.InvoiceId, s.Attempt }).IsUnique();
            b.HasIndex(s => new { s.TenantId, s.StripeSessionId }).IsUnique().HasFilter("\"StripeSessionId\" IS NOT NULL");
            b.HasIndex(s => new { s.TenantId, s.Status });
        });

        builder.Entity<StripeEventRecord>(b =>
        {
            b.ToTable("BillingStripeEvents");
            b.Property(e => e.EventId).HasMaxLength(255).IsRequired();
            b.Property(e => e.Type).HasMaxLength(100).IsRequired();
            b.Property(e => e.Outcome).HasMaxLength(500).IsRequired();
            b.HasIndex(e => new { e.TenantId, e.EventId }).IsUnique();
        });

        return builder;
    }
}

using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Agreements;
using Regentra.Billing.Checkout;
using Regentra.Billing.Invoices;
using Regentra.Billing.Invoices.Emails;
using Regentra.Billing.Runs;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeWebhooks;
using Regentra.Framework.Data;

namespace Regentra.Billing.Data;

/// <summary>The Billing module's view of the host's unified DbContext.</summary>
internal interface IBillingDbContext : IRegentraDbContext
{
    DbSet<Agreement> Agreements { get; }

    DbSet<Invoice> Invoices { get; }

    DbSet<InvoiceLine> InvoiceLines { get; }

    DbSet<Payment> Payments { get; }

    DbSet<InvoiceEmail> InvoiceEmails { get; }

    DbSet<InvoiceNumberSequence> InvoiceNumberSequences { get; }

    DbSet<ClientBillingLock> ClientBillingLocks { get; }

    DbSet<BillingRun> BillingRuns { get; }

    DbSet<BillingRunItem> BillingRunItems { get; }

    DbSet<StripeConnection> StripeConnections { get; }

    DbSet<CheckoutSession> CheckoutSessions { get; }

    DbSet<StripeEventRecord> StripeEvents { get; }
}

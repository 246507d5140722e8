using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Agreements;
using Regentra.Billing.Invoices;
using Regentra.Billing.Runs;
using Regentra.Framework.Data;

namespace Regentra.Billing.Data;

/// <summary>The Billing module's view of the host's unified DbContext.</summary>
internal interface IBillingDbContext : IRegentraDbContext
{
    DbSet<Agreement> Agreements { get; }

    DbSet<Invoice> Invoices { get; }

    DbSet<InvoiceLine> InvoiceLines { get; }

    DbSet<Payment> Payments { get; }

    DbSet<InvoiceNumberSequence> InvoiceNumberSequences { get; }

    DbSet<ClientBillingLock> ClientBillingLocks { get; }

    DbSet<BillingRun> BillingRuns { get; }

    DbSet<BillingRunItem> BillingRunItems { get; }
}

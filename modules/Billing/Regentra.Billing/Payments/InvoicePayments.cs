using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Framework.Errors;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Payments;

/// <summary>
/// The one way money is put on (or taken off) an invoice, manual or Stripe: the invoice's row is locked, the invoice is
/// read fresh under that lock, changed by its own rules and saved, all in one transaction. Two payments, a payment and
/// a void, or two deliveries of one Stripe notice therefore take turns on an invoice and never both count.
/// </summary>
internal sealed class InvoicePayments(IBillingDbContext db, ITenantClock clock)
{
    /// <param name="change">Applies the change; receives the organisation's today. Joins the caller's transaction if one is open.</param>
    public async Task<Invoice> ChangeAsync(Guid invoiceId, Action<Invoice, DateOnly> change, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // A no-op UPDATE takes the invoice's row lock (on SQLite, the database's write lock) until the transaction ends.
            var locked = await db.Invoices.Where(i => i.Id == invoiceId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ConcurrencyStamp, i => i.ConcurrencyStamp), cancellationToken);
            if (locked == 0)
            {
                throw new EntityNotFoundException("Invoice", invoiceId);
            }

            var invoice = await InvoiceLoader.LoadAsync(db, invoiceId, cancellationToken);
            change(invoice, today);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return invoice;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}

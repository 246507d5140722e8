using Regentra.Billing.Checkout;
using Regentra.Billing.Data;
using Regentra.Billing.Payments;
using Regentra.Psa.Contracts.Billing;

namespace Regentra.Billing.Invoices;

/// <summary>
/// Voids a sent invoice that received no money: under the invoice's payment lock (so a payment arriving at the same
/// moment either lands first and blocks the void, or finds the invoice void and is flagged), its time entries are
/// released in the same transaction, and afterwards its open Stripe Checkout pages are expired so nobody pays it.
/// </summary>
internal sealed class InvoiceVoider(
    IBillingDbContext db, InvoicePayments payments, IBillableTimeSource time, CheckoutSessions sessions, TimeProvider clock)
{
    public async Task<Invoice> VoidAsync(Guid invoiceId, string reason, CancellationToken cancellationToken)
    {
        Invoice voided;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            voided = await payments.ChangeAsync(invoiceId, (invoice, _) => invoice.Void(reason, clock.GetUtcNow().UtcDateTime), cancellationToken);
            await time.ReleaseAsync(new InvoicedTime(voided.Id, voided.ClientId, voided.PeriodStart, voided.PeriodEnd), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await sessions.ExpireOutdatedAsync(voided.Id, null, cancellationToken);
        return voided;
    }
}

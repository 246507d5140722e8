using Regentra.Billing.Checkout;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.Users;

namespace Regentra.Billing.Payments;

/// <summary>What the MSP does by hand: record money received outside Stripe, and mark a flagged payment as sorted out.</summary>
internal sealed class ManualPayments(InvoicePayments payments, CheckoutSessions checkoutSessions, ICurrentUser user, TimeProvider clock)
{
    public async Task<Invoice> RecordAsync(Guid invoiceId, RecordPaymentRequest request, CancellationToken cancellationToken)
    {
        var invoice = await payments.ChangeAsync(invoiceId, (invoice, today) =>
        {
            var amount = request.Amount!.Value;
            var minorUnits = Currencies.MinorUnits(invoice.Currency);
            if (decimal.Round(amount, minorUnits) != amount)
            {
                throw ValidationException.For("amount", $"{invoice.Currency} amounts have at most {minorUnits} decimals.");
            }

            if (request.Date > today)
            {
                throw ValidationException.For("date", "A payment cannot be dated in the future.");
            }

            invoice.RecordPayment(MoneyMath.ToMinor(amount, invoice.Currency), request.Date!.Value, request.Method!, request.Reference?.Trim(), today);
        }, cancellationToken);

        // A Checkout page for the old balance would now take too much: it is closed (a new one opens for the rest).
        await checkoutSessions.ExpireOutdatedAsync(invoice.Id, invoice.BalanceMinor, cancellationToken);
        return invoice;
    }

    public Task<Invoice> ResolveFlagAsync(Guid invoiceId, Guid paymentId, string note, CancellationToken cancellationToken) =>
        payments.ChangeAsync(invoiceId, (invoice, _) => invoice.ResolvePaymentFlag(paymentId, note, user.Id, clock.GetUtcNow().UtcDateTime), cancellationToken);
}

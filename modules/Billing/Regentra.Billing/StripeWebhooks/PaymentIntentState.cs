using Regentra.Billing.Invoices;

namespace Regentra.Billing.StripeWebhooks;

/// <summary>
/// A PaymentIntent as Stripe reports it at the time a notice is processed, turned into our terms. Notices only say
/// which PaymentIntent to look at; what is recorded follows this current state, so the order notices arrive in does not matter.
/// </summary>
/// <param name="InvoiceId">The invoice named in the PaymentIntent's metadata (null: not a payment of a Regentra invoice of this organisation).</param>
/// <param name="Refunds">Every refund of the PaymentIntent, when refunds may have changed.</param>
internal sealed record PaymentIntentState(
    Guid? InvoiceId, bool Succeeded, bool Failed, StripePaymentFacts Facts, DateTime PaidAtUtc, IReadOnlyList<RefundState> Refunds);

internal sealed record RefundState(StripeRefundFacts Facts, DateTime CreatedAtUtc);

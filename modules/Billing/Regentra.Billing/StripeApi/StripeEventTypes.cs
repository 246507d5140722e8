namespace Regentra.Billing.StripeApi;

/// <summary>The Stripe events the webhook endpoint subscribes to and handles; anything else is acknowledged and ignored.</summary>
internal static class StripeEventTypes
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string CheckoutAsyncSucceeded = "checkout.session.async_payment_succeeded";
    public const string CheckoutAsyncFailed = "checkout.session.async_payment_failed";
    public const string CheckoutExpired = "checkout.session.expired";
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";
    public const string PaymentIntentFailed = "payment_intent.payment_failed";
    public const string ChargeRefunded = "charge.refunded";
    public const string RefundCreated = "refund.created";
    public const string RefundUpdated = "refund.updated";

    public static readonly IReadOnlyList<string> All =
    [
        CheckoutCompleted, CheckoutAsyncSucceeded, CheckoutAsyncFailed, CheckoutExpired,
        PaymentIntentSucceeded, PaymentIntentFailed, ChargeRefunded, RefundCreated, RefundUpdated,
    ];
}

namespace Regentra.StripeStandIn.Model;

/// <summary>
/// What the stand-in's restricted keys (rk_...) may do, named like Stripe's restricted-key permissions. They may read
/// the account, create, read and expire Checkout Sessions and read payments; they may not manage webhook endpoints or refund.
/// </summary>
internal static class RestrictedKeyPermissions
{
    public const string AccountRead = "rak_account_read";
    public const string WebhookRead = "rak_webhook_read";
    public const string WebhookWrite = "rak_webhook_write";
    public const string CheckoutSessionRead = "rak_checkout_session_read";
    public const string CheckoutSessionWrite = "rak_checkout_session_write";
    public const string PaymentIntentRead = "rak_payment_intent_read";
    public const string ChargeRead = "rak_charge_read";
    public const string RefundRead = "rak_refund_read";
    public const string RefundWrite = "rak_refund_write";
    public const string EventRead = "rak_event_read";

    private static readonly HashSet<string> Granted =
    [
        AccountRead, WebhookRead, CheckoutSessionRead, CheckoutSessionWrite, PaymentIntentRead, ChargeRead, RefundRead, EventRead,
    ];

    public static bool Allows(string permission) => Granted.Contains(permission);
}

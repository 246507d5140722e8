namespace Regentra.Billing.StripeApi;

/// <summary>What kind of "no" Stripe gave, so callers can react (a key that may not create webhooks → manual set-up).</summary>
internal enum StripeFailure
{
    InvalidKey,
    PermissionDenied,
    NotFound,
    AmountTooSmall,
    Unavailable,
    Refused,
}

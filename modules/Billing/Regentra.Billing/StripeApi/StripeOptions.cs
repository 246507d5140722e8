namespace Regentra.Billing.StripeApi;

/// <summary>The "Stripe" settings section of the host.</summary>
internal sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Where Stripe's API is: https://api.stripe.com (no trailing /v1). Point it at a stand-in to run without Stripe.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Per attempt; Stripe.net retries network failures and 409/429/5xx answers up to <see cref="MaxNetworkRetries"/> times.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long a Checkout page stays open (Stripe allows 30 minutes to 24 hours).</summary>
    public int CheckoutExpiryMinutes { get; set; } = 24 * 60 - 30;
}

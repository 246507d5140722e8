namespace Regentra.Billing.Contracts.Payments;

/// <summary>How the organisation's webhook endpoint in Stripe came to be, and whether deliveries can be verified.</summary>
public enum StripeWebhookStatus
{
    /// <summary>No Stripe account is connected.</summary>
    NotConnected,

    /// <summary>Regentra created the endpoint in the Stripe account and holds its signing secret.</summary>
    Registered,

    /// <summary>The key may not create endpoints: add the endpoint by hand in Stripe, then paste its signing secret.</summary>
    ManualSetupRequired,

    /// <summary>The endpoint was added by hand and its signing secret pasted in.</summary>
    Manual,

    /// <summary>The endpoint Regentra registered no longer exists in the Stripe account (found by Test connection): reconnect.</summary>
    Missing,
}

/// <param name="PublishableKey">A publishable key, pk_test_... or pk_live_... (public by design; it is shown back).</param>
/// <param name="SecretKey">A secret key (sk_...) or a restricted key (rk_...) of the same mode. Stored encrypted, never shown back.</param>
/// <param name="WebhookSigningSecret">
/// Only when the key may not create webhook endpoints: the signing secret (whsec_...) of the endpoint added by hand in Stripe
/// for the URL the first connect answered with.
/// </param>
public sealed record ConnectStripeRequest(string? PublishableKey, string? SecretKey, string? WebhookSigningSecret = null);

/// <summary>
/// The organisation's Stripe connection as it may be shown: never a secret. <see cref="WebhookUrl"/> and
/// <see cref="WebhookEvents"/> are what to enter in Stripe when <see cref="WebhookStatus"/> is ManualSetupRequired.
/// </summary>
/// <param name="Mode">Test or Live, from the keys.</param>
/// <param name="KeyType">Secret (sk_) or Restricted (rk_).</param>
/// <param name="SecretKeyLast4">The last four characters of the secret key, to tell keys apart.</param>
public sealed record StripeConnectionDto(
    bool Connected,
    string? Mode,
    string? AccountId,
    string? AccountName,
    string? PublishableKey,
    string? KeyType,
    string? SecretKeyLast4,
    StripeWebhookStatus WebhookStatus,
    string? WebhookUrl,
    string? WebhookEndpointId,
    IReadOnlyList<string> WebhookEvents,
    string? WebhookApiVersion,
    string? SetupInstructions,
    DateTime? ConnectedAt,
    DateTime? LastTestedAt,
    bool? LastTestSucceeded,
    string? LastTestError,
    DateTime? LastWebhookAt);

/// <param name="WebhookEndpointDeleted">Whether the endpoint Regentra registered was deleted from the Stripe account.</param>
/// <param name="Note">What is left to do by hand, if anything.</param>
public sealed record DisconnectStripeResponse(bool WebhookEndpointDeleted, string? Note);

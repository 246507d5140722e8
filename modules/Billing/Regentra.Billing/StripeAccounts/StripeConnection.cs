using System.Security.Cryptography;
using Regentra.Billing.Contracts.Payments;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.StripeAccounts;

/// <summary>
/// The organisation's own Stripe account: its keys (the secret one encrypted), the account they belong to, and the
/// webhook endpoint Stripe delivers events to. The endpoint's URL carries <see cref="WebhookToken"/>, random and
/// rotated on every reconnect; the organisation of a delivery is found by that token alone.
/// </summary>
internal sealed class StripeConnection : AuditedAggregateRoot, IMultiTenant
{
    private StripeConnection()
    {
    }

    public StripeConnection(string webhookToken) => WebhookToken = webhookToken;

    public Guid? TenantId { get; private set; }

    public StripeMode Mode { get; private set; }

    public string PublishableKey { get; private set; } = string.Empty;

    public string SecretKeyProtected { get; private set; } = string.Empty;

    public string SecretKeyLast4 { get; private set; } = string.Empty;

    public bool RestrictedKey { get; private set; }

    public string AccountId { get; private set; } = string.Empty;

    public string? AccountName { get; private set; }

    public string WebhookToken { get; private set; } = string.Empty;

    /// <summary>Set when Regentra registered the endpoint itself; null for an endpoint added by hand.</summary>
    public string? WebhookEndpointId { get; private set; }

    public string? WebhookSigningSecretProtected { get; private set; }

    public bool WebhookEndpointMissing { get; private set; }

    public DateTime ConnectedAt { get; private set; }

    public DateTime? LastTestedAt { get; private set; }

    public bool? LastTestSucceeded { get; private set; }

    public string? LastTestError { get; private set; }

    public DateTime? LastWebhookAt { get; private set; }

    public StripeWebhookStatus WebhookStatus =>
        WebhookEndpointMissing ? StripeWebhookStatus.Missing
        : WebhookEndpointId is not null ? StripeWebhookStatus.Registered
        : WebhookSigningSecretProtected is not null ? StripeWebhookStatus.Manual
        : StripeWebhookStatus.ManualSetupRequired;

    /// <summary>A URL-safe random token of 32 bytes: the secret part of the webhook URL.</summary>
    public static string NewWebhookToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Connect(StripeMode mode, string publishableKey, string secretKeyProtected, string secretKeyLast4, bool restricted,
        string accountId, string? accountName, DateTime utcNow)
    {
        (Mode, PublishableKey, SecretKeyProtected, SecretKeyLast4, RestrictedKey) = (mode, publishableKey, secretKeyProtected, secretKeyLast4, restricted);
        (AccountId, AccountName, ConnectedAt) = (accountId, accountName, utcNow);
        (LastTestedAt, LastTestSucceeded, LastTestError) = (utcNow, true, null);
    }

    /// <summary>A new webhook URL: deliveries to the previous one are no longer accepted.</summary>
    public void RotateWebhookToken(string token) => WebhookToken = token;

    public void UseRegisteredEndpoint(string endpointId, string signingSecretProtected) =>
        (WebhookEndpointId, WebhookSigningSecretProtected, WebhookEndpointMissing) = (endpointId, signingSecretProtected, false);

    /// <summary>The endpoint is (to be) added by hand; the signing secret arrives when it has been.</summary>
    public void UseManualEndpoint(string? signingSecretProtected) =>
        (WebhookEndpointId, WebhookSigningSecretProtected, WebhookEndpointMissing) = (null, signingSecretProtected, false);

    public void RecordTest(bool succeeded, string? error, bool endpointMissing, DateTime utcNow) =>
        (LastTestedAt, LastTestSucceeded, LastTestError, WebhookEndpointMissing) = (utcNow, succeeded, error, endpointMissing);
}

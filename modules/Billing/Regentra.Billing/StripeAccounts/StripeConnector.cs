using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Checkout;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.Data;
using Regentra.Billing.StripeApi;
using Regentra.Framework;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Settings;
using StripeConfiguration = Stripe.StripeConfiguration;

namespace Regentra.Billing.StripeAccounts;

/// <summary>
/// Connects the organisation's Stripe account (checks the keys against Stripe, registers the webhook endpoint or
/// prepares the manual set-up), tests the connection again, and disconnects it.
/// </summary>
internal sealed partial class StripeConnector(
    IBillingDbContext db,
    StripeGateway stripe,
    StripeSecrets secrets,
    CheckoutSessions checkoutSessions,
    ITenantSettingsProvider settings,
    ICurrentTenant tenant,
    IPublicUrl publicUrl,
    TimeProvider clock,
    ILogger<StripeConnector> logger)
{
    public const string WebhookPath = "/api/public/stripe/webhooks/";

    public async Task<StripeConnectionDto> GetAsync(CancellationToken cancellationToken) =>
        ToDto(await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(cancellationToken));

    /// <summary>
    /// Connects (or reconnects) with the keys. The webhook endpoint is registered in the Stripe account when the key may
    /// do so; otherwise the answer carries the URL and events to add by hand, and a second call with the same keys and
    /// the endpoint's signing secret completes the set-up on the same URL. Any other reconnect rotates the URL and
    /// replaces the endpoint Regentra registered before.
    /// </summary>
    public async Task<StripeConnectionDto> ConnectAsync(ConnectStripeRequest request, CancellationToken cancellationToken)
    {
        var organizationId = tenant.Id!.Value;
        var (publishableKey, secretKey) = (StripeKeys.Trimmed(request.PublishableKey)!, StripeKeys.Trimmed(request.SecretKey)!);
        var signingSecret = StripeKeys.Trimmed(request.WebhookSigningSecret);
        var account = await stripe.GetAccountAsync(secretKey, cancellationToken);
        var accountName = account.Settings?.Dashboard?.DisplayName ?? account.BusinessProfile?.Name ?? account.Email;

        var existing = await db.StripeConnections.FirstOrDefaultAsync(cancellationToken);
        var (oldKey, oldEndpoint) = (existing is null ? null : secrets.Unprotect(organizationId, existing.SecretKeyProtected), existing?.WebhookEndpointId);
        var completesManualSetup = signingSecret is not null && existing is not null && existing.WebhookEndpointId is null && existing.AccountId == account.Id;
        var connection = completesManualSetup ? existing! : existing is null ? new StripeConnection(StripeConnection.NewWebhookToken()) : Rotated(existing);
        connection.Connect(StripeKeys.ModeOf(secretKey)!.Value, publishableKey, secrets.Protect(organizationId, secretKey), StripeKeys.Last4(secretKey),
            StripeKeys.IsRestricted(secretKey), account.Id, accountName, clock.GetUtcNow().UtcDateTime);

        string? createdEndpoint = null;
        if (signingSecret is not null)
        {
            connection.UseManualEndpoint(secrets.Protect(organizationId, signingSecret));
        }
        else
        {
            try
            {
                var organizationName = (await settings.GetAsync(cancellationToken)).OrganizationName;
                var endpoint = await stripe.CreateWebhookEndpointAsync(secretKey, WebhookUrl(connection.WebhookToken), $"Regentra: {organizationName}",
                    organizationId, cancellationToken);
                createdEndpoint = endpoint.Id;
                connection.UseRegisteredEndpoint(endpoint.Id, secrets.Protect(organizationId, endpoint.Secret));
            }
            catch (StripeCallException e) when (e.Failure == StripeFailure.PermissionDenied)
            {
                LogManualSetup(logger, account.Id);
                connection.UseManualEndpoint(null);
            }
        }

        try
        {
            if (existing is null)
            {
                db.StripeConnections.Add(connection);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (createdEndpoint is not null)
            {
                await TryDeleteEndpointAsync(secretKey, createdEndpoint, CancellationToken.None);
            }

            throw;
        }

        if (oldEndpoint is not null && oldEndpoint != connection.WebhookEndpointId)
        {
            await TryDeleteEndpointAsync(oldKey!, oldEndpoint, cancellationToken);
        }

        LogConnected(logger, account.Id, connection.Mode, connection.WebhookStatus);
        return ToDto(connection);
    }

    /// <summary>Checks the stored key against Stripe again, and that the registered endpoint still exists; the result is kept for the status.</summary>
    public async Task<StripeConnectionDto> TestAsync(CancellationToken cancellationToken)
    {
        var connection = await LoadAsync(cancellationToken);
        var key = secrets.Unprotect(tenant.Id!.Value, connection.SecretKeyProtected);
        try
        {
            await stripe.GetAccountAsync(key, cancellationToken);
            var missing = connection.WebhookEndpointId is { } endpointId && await stripe.FindWebhookEndpointAsync(key, endpointId, cancellationToken) is null;
            connection.RecordTest(true, null, missing, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return ToDto(connection);
        }
        catch (StripeCallException e)
        {
            connection.RecordTest(false, e.Message, connection.WebhookEndpointMissing, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Forgets the keys. The registered endpoint is deleted from the Stripe account and open Checkout pages are expired
    /// where the key allows; what could not be done is said in the answer.
    /// </summary>
    public async Task<DisconnectStripeResponse> DisconnectAsync(CancellationToken cancellationToken)
    {
        var connection = await LoadAsync(cancellationToken);
        var key = secrets.Unprotect(tenant.Id!.Value, connection.SecretKeyProtected);
        await checkoutSessions.ExpireAllOpenAsync(key, cancellationToken);
        var deleted = connection.WebhookEndpointId is { } endpointId && await TryDeleteEndpointAsync(key, endpointId, cancellationToken);
        db.StripeConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        LogDisconnected(logger, connection.AccountId);
        return new DisconnectStripeResponse(deleted, deleted ? null
            : $"Delete the webhook endpoint for {WebhookUrl(connection.WebhookToken)} in Stripe → Developers → Webhooks: Regentra no longer accepts its deliveries.");
    }

    public string WebhookUrl(string token) => $"{publicUrl.Resolve()}{WebhookPath}{token}";

    private static StripeConnection Rotated(StripeConnection existing)
    {
        existing.RotateWebhookToken(StripeConnection.NewWebhookToken());
        return existing;
    }

    private async Task<StripeConnection> LoadAsync(CancellationToken cancellationToken) =>
        await db.StripeConnections.FirstOrDefaultAsync(cancellationToken)
        ?? throw new Regentra.Framework.Errors.BusinessException(Contracts.BillingErrorCodes.StripeNotConnected, "No Stripe account is connected.");

    private async Task<bool> TryDeleteEndpointAsync(string key, string endpointId, CancellationToken cancellationToken)
    {
        try
        {
            await stripe.DeleteWebhookEndpointAsync(key, endpointId, cancellationToken);
            return true;
        }
        catch (StripeCallException e) when (e.Failure == StripeFailure.NotFound)
        {
            return true;
        }
        catch (StripeCallException e)
        {
            LogEndpointNotDeleted(logger, endpointId, e.Message);
            return false;
        }
    }

    private StripeConnectionDto ToDto(StripeConnection? c) => c is null
        ? new StripeConnectionDto(false, null, null, null, null, null, null, StripeWebhookStatus.NotConnected, null, null, StripeEventTypes.All,
            StripeConfiguration.ApiVersion, null, null, null, null, null, null)
        : new StripeConnectionDto(true, c.Mode.ToString(), c.AccountId, c.AccountName, c.PublishableKey, c.RestrictedKey ? "Restricted" : "Secret",
            c.SecretKeyLast4, c.WebhookStatus, WebhookUrl(c.WebhookToken), c.WebhookEndpointId, StripeEventTypes.All, StripeConfiguration.ApiVersion,
            Instructions(c), c.ConnectedAt, c.LastTestedAt, c.LastTestSucceeded, c.LastTestError, c.LastWebhookAt);

    private string? Instructions(StripeConnection c) => c.WebhookStatus switch
    {
        StripeWebhookStatus.ManualSetupRequired =>
            $"This key may not create webhook endpoints. In Stripe → Developers → Webhooks, add an endpoint for {WebhookUrl(c.WebhookToken)} " +
            $"with API version {StripeConfiguration.ApiVersion} and the events {string.Join(", ", StripeEventTypes.All)}; then connect again " +
            "with the same keys and paste the endpoint's signing secret (whsec_...). Until then payments cannot be recorded.",
        StripeWebhookStatus.Missing =>
            "The webhook endpoint Regentra registered is no longer in the Stripe account, so payments are not being recorded. Connect again to register a new one.",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe account {AccountId} connected in {Mode} mode, webhook {WebhookStatus}")]
    private static partial void LogConnected(ILogger logger, string accountId, StripeMode mode, StripeWebhookStatus webhookStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "The key for Stripe account {AccountId} may not create webhook endpoints: manual set-up")]
    private static partial void LogManualSetup(ILogger logger, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe account {AccountId} disconnected")]
    private static partial void LogDisconnected(ILogger logger, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete Stripe webhook endpoint {EndpointId}: {Reason}")]
    private static partial void LogEndpointNotDeleted(ILogger logger, string endpointId, string reason);
}

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts;
using Regentra.Billing.Data;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeApi;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Stripe;

namespace Regentra.Billing.StripeWebhooks;

/// <summary>
/// Receives a delivery to an organisation's webhook URL: the token in the URL alone says whose it is (nothing in the
/// body is trusted for that), the signature is checked against that organisation's signing secret, and the event is
/// processed inside that organisation. A bad signature changes nothing (400); a failure on our side answers 5xx so
/// that Stripe delivers again.
/// </summary>
internal sealed partial class StripeWebhookReceiver(
    IBillingDbContext db,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    StripeSecrets secrets,
    StripeEventProcessor processor,
    TimeProvider clock,
    ILogger<StripeWebhookReceiver> logger)
{
    /// <summary>Stripe's default: a signature older than five minutes is refused (replayed deliveries).</summary>
    public const long ToleranceSeconds = 300;

    public async Task<string> ReceiveAsync(string token, string body, string? signature, CancellationToken cancellationToken)
    {
        var connection = token.Length is >= 20 and <= 100
            ? await db.StripeConnections.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
                .Where(c => c.WebhookToken == token)
                .Select(c => new { c.Id, c.TenantId, c.SecretKeyProtected, c.WebhookSigningSecretProtected })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (connection?.TenantId is not { } tenantId)
        {
            throw new BusinessException(FrameworkErrorCodes.NotFound, "No Stripe webhook endpoint of Regentra has this URL.", StatusCodes.Status404NotFound);
        }

        if (await tenants.FindAsync(tenantId, cancellationToken) is not { IsActive: true })
        {
            // Suspended: Stripe keeps the events and retries them for days, so nothing is lost if the organisation comes back.
            throw new BusinessException(FrameworkErrorCodes.TenantSuspended, "This organisation is suspended; the delivery is not accepted now.", StatusCodes.Status503ServiceUnavailable);
        }

        if (connection.WebhookSigningSecretProtected is null)
        {
            throw new BusinessException(BillingErrorCodes.WebhookNotConfigured,
                "The organisation has not pasted this endpoint's signing secret into Regentra yet; Stripe will deliver again.", StatusCodes.Status503ServiceUnavailable);
        }

        using (currentTenant.Change(tenantId))
        {
            Event stripeEvent;
            try
            {
                // The tolerance is measured in real time: it is about the delivery's age, not the business clock.
                stripeEvent = EventUtility.ConstructEvent(body, signature ?? string.Empty,
                    secrets.Unprotect(tenantId, connection.WebhookSigningSecretProtected), ToleranceSeconds, throwOnApiVersionMismatch: false);
            }
            catch (StripeException e)
            {
                LogRefused(logger, tenantId, e.Message);
                throw new BusinessException(BillingErrorCodes.WebhookInvalidSignature,
                    $"The Stripe-Signature header does not verify with this endpoint's signing secret: {e.Message}", StatusCodes.Status400BadRequest);
            }

            string outcome;
            try
            {
                outcome = await processor.ProcessAsync(stripeEvent, secrets.Unprotect(tenantId, connection.SecretKeyProtected), cancellationToken);
            }
            catch (StripeCallException e) when (e.Failure is StripeFailure.InvalidKey or StripeFailure.PermissionDenied)
            {
                // The key was revoked or narrowed since connecting: keep the event at Stripe until the organisation reconnects.
                LogKeyRefused(logger, stripeEvent.Id, e.Message);
                throw new BusinessException(e.Code, $"Regentra could not read this payment from Stripe: {e.Message} Reconnect Stripe; the event will be delivered again.",
                    StatusCodes.Status503ServiceUnavailable);
            }

            await db.StripeConnections.Where(c => c.Id == connection.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastWebhookAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
            return outcome;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Stripe delivery for organisation {TenantId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe event {EventId} could not be processed: the organisation's key was refused ({Reason})")]
    private static partial void LogKeyRefused(ILogger logger, string eventId, string reason);
}

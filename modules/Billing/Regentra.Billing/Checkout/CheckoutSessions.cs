using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Data;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeApi;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Checkout;

/// <summary>Expiring the Checkout pages of an invoice (voided) or of the whole organisation (Stripe disconnected), and following their status.</summary>
internal sealed partial class CheckoutSessions(IBillingDbContext db, StripeGateway stripe, StripeSecrets secrets, ICurrentTenant tenant, ILogger<CheckoutSessions> logger)
{
    /// <summary>
    /// Expires the invoice's open pages that no longer charge what is due (all of them once it is void), so nobody pays
    /// twice or pays a voided invoice. A page Stripe will not expire because it was just paid is left to the webhooks.
    /// </summary>
    /// <param name="stillDueMinor">The balance now; a page for exactly this amount stays open. Null expires every page.</param>
    public async Task ExpireOutdatedAsync(Guid invoiceId, long? stillDueMinor, CancellationToken cancellationToken)
    {
        var open = await db.CheckoutSessions.Where(s => s.InvoiceId == invoiceId && s.Status == CheckoutSessionStatus.Open).ToListAsync(cancellationToken);
        open.RemoveAll(s => s.AmountMinor == stillDueMinor);
        if (open.Count > 0 && await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } connection)
        {
            await ExpireAsync(secrets.Unprotect(tenant.Id!.Value, connection.SecretKeyProtected), open, cancellationToken);
        }
    }

    public async Task ExpireAllOpenAsync(string key, CancellationToken cancellationToken) =>
        await ExpireAsync(key, await db.CheckoutSessions.Where(s => s.Status == CheckoutSessionStatus.Open).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Expires one page at Stripe. False when Stripe says it is no longer open (it was completed or expired meanwhile).</summary>
    public async Task<bool> TryExpireAsync(string key, CheckoutSession session, CancellationToken cancellationToken)
    {
        try
        {
            await stripe.ExpireCheckoutSessionAsync(key, session.StripeSessionId!, cancellationToken);
            session.MoveTo(CheckoutSessionStatus.Expired);
            return true;
        }
        catch (StripeCallException e) when (e.Failure is StripeFailure.Refused or StripeFailure.NotFound)
        {
            var current = await stripe.GetCheckoutSessionAsync(key, session.StripeSessionId!, cancellationToken);
            session.MoveTo(StatusOf(current.Status, current.PaymentStatus), current.PaymentIntentId);
            return session.Status == CheckoutSessionStatus.Expired;
        }
    }

    /// <summary>Our status for a Stripe session's status and payment_status.</summary>
    public static CheckoutSessionStatus StatusOf(string status, string? paymentStatus) => (status, paymentStatus) switch
    {
        ("complete", "paid" or "no_payment_required") => CheckoutSessionStatus.Complete,
        ("complete", _) => CheckoutSessionStatus.Processing,
        ("expired", _) => CheckoutSessionStatus.Expired,
        _ => CheckoutSessionStatus.Open,
    };

    private async Task ExpireAsync(string key, List<CheckoutSession> sessions, CancellationToken cancellationToken)
    {
        foreach (var session in sessions.Where(s => s.StripeSessionId is not null))
        {
            try
            {
                await TryExpireAsync(key, session, cancellationToken);
            }
            catch (StripeCallException e)
            {
                LogNotExpired(logger, session.StripeSessionId!, e.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not expire Checkout Session {SessionId}: {Reason}")]
    private static partial void LogNotExpired(ILogger logger, string sessionId, string reason);
}

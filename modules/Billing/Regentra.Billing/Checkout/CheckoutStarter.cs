using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeApi;
using Regentra.Framework;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Settings;
using StripeCheckout = Stripe.Checkout;

namespace Regentra.Billing.Checkout;

/// <summary>
/// Opens a Stripe Checkout page on the organisation's own account for what is still due on an invoice, or hands back
/// the one already open for that amount. Paid, void and zero-balance invoices get none (409); neither does an invoice
/// with a payment still clearing.
/// </summary>
internal sealed class CheckoutStarter(
    IBillingDbContext db,
    StripeGateway stripe,
    StripeSecrets secrets,
    CheckoutSessions sessions,
    ITenantSettingsProvider settings,
    ICurrentTenant tenant,
    IPublicUrl publicUrl,
    IOptions<StripeOptions> options,
    TimeProvider clock)
{
    public async Task<CheckoutResponse> StartAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var connection = await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (PaymentOptions.Refusal(invoice, connection) is { } refusal)
        {
            throw new BusinessException(refusal.Code, refusal.Message);
        }

        var key = secrets.Unprotect(tenant.Id!.Value, connection!.SecretKeyProtected);
        var balance = invoice.BalanceMinor;
        var now = clock.GetUtcNow().UtcDateTime;
        for (var tries = 0; ; tries++)
        {
            var existing = await db.CheckoutSessions.Where(s => s.InvoiceId == invoice.Id).OrderBy(s => s.Attempt).ToListAsync(cancellationToken);
            if (existing.Any(s => s.Status == CheckoutSessionStatus.Processing))
            {
                throw Processing(invoice);
            }

            if (existing.LastOrDefault(s => s.IsUsable(balance, now)) is { } open)
            {
                return Response(open, invoice.Currency);
            }

            // A request for the same amount that is creating its page right now: send Stripe the very same request, which it replays.
            var session = existing.LastOrDefault(s => s.Status == CheckoutSessionStatus.Creating && s.AmountMinor == balance && s.CreationTime > now.AddMinutes(-2));
            if (session is null)
            {
                foreach (var stale in existing.Where(s => s.Status == CheckoutSessionStatus.Open))
                {
                    if (!await sessions.TryExpireAsync(key, stale, cancellationToken) && stale.Status is CheckoutSessionStatus.Processing or CheckoutSessionStatus.Complete)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        throw Processing(invoice);
                    }
                }

                session = new CheckoutSession(invoice.Id, existing.Count == 0 ? 1 : existing.Max(s => s.Attempt) + 1, balance,
                    StripeAmounts.ToStripe(balance, invoice.Currency), invoice.Currency, now.AddMinutes(Math.Clamp(options.Value.CheckoutExpiryMinutes, 31, 1439)));
                db.CheckoutSessions.Add(session);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e.IsUniqueConstraintViolation() && tries < 3)
                {
                    db.ChangeTracker.Clear(); // another request reserved this attempt first: use its reservation
                    continue;
                }
            }

            return await CreateAsync(key, invoice, session, cancellationToken);
        }
    }

    private async Task<CheckoutResponse> CreateAsync(string key, Invoice invoice, CheckoutSession session, CancellationToken cancellationToken)
    {
        var organization = (await settings.GetAsync(cancellationToken)).OrganizationName;
        var metadata = new Dictionary<string, string>
        {
            [StripeGateway.InvoiceIdKey] = invoice.Id.ToString(),
            [StripeGateway.OrganizationIdKey] = tenant.Id!.Value.ToString(),
            [StripeGateway.InvoiceNumberKey] = invoice.Number!,
        };
        var payPage = $"{publicUrl.Resolve()}/pay/{invoice.PayToken}";
        var request = new StripeCheckout.SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new StripeCheckout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new StripeCheckout.SessionLineItemPriceDataOptions
                    {
                        Currency = StripeAmounts.StripeCode(session.Currency),
                        UnitAmount = session.StripeAmount,
                        ProductData = new StripeCheckout.SessionLineItemPriceDataProductDataOptions
                        {
                            Name = $"Invoice {invoice.Number}",
                            Description = $"{organization} · {invoice.PeriodStart:d MMM yyyy} – {invoice.PeriodEnd.AddDays(-1):d MMM yyyy}",
                        },
                    },
                },
            ],
            ClientReferenceId = invoice.Id.ToString(),
            CustomerEmail = invoice.BillingEmail,
            Metadata = metadata,
            PaymentIntentData = new StripeCheckout.SessionPaymentIntentDataOptions
            {
                Metadata = metadata,
                Description = $"Invoice {invoice.Number} from {organization}",
            },
            SuccessUrl = payPage + "?checkout=success&session_id={CHECKOUT_SESSION_ID}",
            CancelUrl = payPage + "?checkout=cancelled",
            ExpiresAt = session.ExpiresAt,
        };

        StripeCheckout.Session created;
        try
        {
            created = await stripe.CreateCheckoutSessionAsync(key, request, session.IdempotencyKey, cancellationToken);
        }
        catch (StripeCallException)
        {
            // Stripe keeps the answer to a key: the next attempt must use a new one.
            session.MoveTo(CheckoutSessionStatus.Failed);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        session.Opened(created.Id, created.Url);
        await db.SaveChangesAsync(cancellationToken);
        return Response(session, invoice.Currency);
    }

    private static CheckoutResponse Response(CheckoutSession session, string currency) =>
        new(session.Url!, session.StripeSessionId!, MoneyMath.FromMinor(StripeAmounts.FromStripe(session.StripeAmount, currency), currency), currency, session.ExpiresAt);

    private static BusinessException Processing(Invoice invoice) =>
        new(BillingErrorCodes.CheckoutPaymentProcessing,
            $"A payment on invoice {invoice.Number} is being processed (for example a bank debit). It usually clears within a few days; nothing more needs paying meanwhile.");
}

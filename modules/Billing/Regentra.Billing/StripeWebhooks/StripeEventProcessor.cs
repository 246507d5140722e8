using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Checkout;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Billing.Payments;
using Regentra.Billing.StripeApi;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Tenants;
using Stripe;
using StripeCheckout = Stripe.Checkout;

namespace Regentra.Billing.StripeWebhooks;

/// <summary>
/// Processes one verified Stripe event for the current organisation. The event says which Checkout Session or
/// PaymentIntent changed; what Stripe reports for it now is read first (outside any transaction), then the event's
/// record and everything it changes are written in one transaction under the invoice's lock. A second delivery of the
/// event, or another event about the same payment, finds the payment already recorded and records nothing.
/// </summary>
internal sealed partial class StripeEventProcessor(
    IBillingDbContext db,
    StripeGateway stripe,
    InvoicePayments payments,
    ITenantClock tenantClock,
    ICurrentTenant tenant,
    TimeProvider clock,
    ILogger<StripeEventProcessor> logger)
{
    private static readonly string[] RefundEvents = [StripeEventTypes.ChargeRefunded, StripeEventTypes.RefundCreated, StripeEventTypes.RefundUpdated];

    public async Task<string> ProcessAsync(Event stripeEvent, string key, CancellationToken cancellationToken)
    {
        if (!StripeEventTypes.All.Contains(stripeEvent.Type))
        {
            return $"Ignored: Regentra does not handle {stripeEvent.Type}.";
        }

        var session = stripeEvent.Data.Object as StripeCheckout.Session;
        var paymentIntentId = stripeEvent.Data.Object switch
        {
            StripeCheckout.Session s => s.PaymentIntentId,
            PaymentIntent p => p.Id,
            Charge c => c.PaymentIntentId,
            Refund r => r.PaymentIntentId,
            _ => null,
        };
        var state = paymentIntentId is null ? null
            : await ReadAsync(key, paymentIntentId, session?.Id, RefundEvents.Contains(stripeEvent.Type), cancellationToken);

        if (await db.StripeEvents.AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
        {
            return $"Duplicate: event {stripeEvent.Id} was processed before.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new StripeEventRecord(stripeEvent.Id, stripeEvent.Type, stripeEvent.Created);
        db.StripeEvents.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            // The same event delivered twice at once: the other delivery recorded it.
            db.ChangeTracker.Clear();
            return $"Duplicate: event {stripeEvent.Id} was processed before.";
        }

        var outcomes = new List<string>();
        if (session is not null && await db.CheckoutSessions.FirstOrDefaultAsync(s => s.StripeSessionId == session.Id, cancellationToken) is { } ours)
        {
            var status = stripeEvent.Type switch
            {
                StripeEventTypes.CheckoutExpired => CheckoutSessionStatus.Expired,
                StripeEventTypes.CheckoutAsyncFailed => CheckoutSessionStatus.Failed,
                StripeEventTypes.CheckoutAsyncSucceeded => CheckoutSessionStatus.Complete,
                _ => CheckoutSessions.StatusOf(session.Status, session.PaymentStatus),
            };
            if (ours.MoveTo(status, session.PaymentIntentId))
            {
                outcomes.Add($"Checkout session {session.Id} is {status}.");
            }
        }

        outcomes.Add(state switch
        {
            null => "No payment to record.",
            { InvoiceId: null } => $"Ignored: payment {paymentIntentId} is not for an invoice of this organisation.",
            _ => await ApplyAsync(state, cancellationToken),
        });
        var outcome = string.Join(" ", outcomes);
        record.Done(outcome);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogProcessed(logger, stripeEvent.Id, stripeEvent.Type, outcome);
        return outcome;
    }

    private async Task<string> ApplyAsync(PaymentIntentState state, CancellationToken cancellationToken)
    {
        var zone = await tenantClock.TimeZoneAsync(cancellationToken);
        DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        var now = clock.GetUtcNow().UtcDateTime;
        var done = new List<string>();
        try
        {
            await payments.ChangeAsync(state.InvoiceId!.Value, (invoice, today) =>
            {
                var facts = state.Facts;
                if (state.Succeeded && invoice.RecordStripePayment(facts, DateOf(state.PaidAtUtc), today) is { } payment)
                {
                    done.Add(payment.Flag == PaymentFlag.None ? $"Recorded payment {facts.PaymentIntentId}." : $"Recorded payment {facts.PaymentIntentId}, flagged {payment.Flag}.");
                }
                else if (state.Failed && invoice.RecordStripeFailure(facts, DateOf(state.PaidAtUtc)) is not null)
                {
                    done.Add($"Recorded failed payment {facts.PaymentIntentId}.");
                }

                var paid = invoice.FindByExternalId(facts.PaymentIntentId);
                foreach (var refund in state.Refunds)
                {
                    if (refund.Facts.Succeeded && paid is { Kind: PaymentKind.Payment }
                        && invoice.RecordStripeRefund(paid, refund.Facts, DateOf(refund.CreatedAtUtc), today, now) is not null)
                    {
                        done.Add($"Recorded refund {refund.Facts.RefundId}.");
                    }
                    else if (refund.Facts.FailedOrCanceled && invoice.FindByExternalId(refund.Facts.RefundId) is { ReversedAt: null } recorded)
                    {
                        invoice.ReverseStripeRefund(recorded, today, now);
                        done.Add($"Reversed refund {refund.Facts.RefundId}.");
                    }
                }
            }, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return $"Ignored: invoice {state.InvoiceId} is not an invoice of this organisation.";
        }

        return done.Count == 0 ? $"Payment {state.Facts.PaymentIntentId} already up to date." : string.Join(" ", done);
    }

    private async Task<PaymentIntentState?> ReadAsync(string key, string paymentIntentId, string? sessionId, bool refundsMayHaveChanged, CancellationToken cancellationToken)
    {
        PaymentIntent intent;
        try
        {
            intent = await stripe.GetPaymentIntentAsync(key, paymentIntentId, cancellationToken);
        }
        catch (StripeCallException e) when (e.Failure == StripeFailure.NotFound)
        {
            return null;
        }

        var metadata = intent.Metadata ?? [];
        var invoiceId = metadata.TryGetValue(StripeGateway.InvoiceIdKey, out var value) && Guid.TryParse(value, out var id) ? id : (Guid?)null;
        var organization = metadata.TryGetValue(StripeGateway.OrganizationIdKey, out var org) ? org : null;
        if (organization is not null && organization != tenant.Id?.ToString())
        {
            invoiceId = null; // another organisation's payment in a Stripe account both connected: theirs to record
        }

        var charge = intent.LatestCharge;
        var currency = StripeAmounts.IsoCode(intent.Currency);
        var succeeded = intent.Status == "succeeded";
        var failed = intent.Status is "requires_payment_method" or "canceled" && intent.LastPaymentError is not null;
        if (invoiceId is not null && succeeded && sessionId is null)
        {
            sessionId = await stripe.FindCheckoutSessionIdAsync(key, paymentIntentId, cancellationToken);
        }

        var refunds = invoiceId is not null && succeeded && (refundsMayHaveChanged || charge?.AmountRefunded > 0)
            ? (await stripe.ListRefundsAsync(key, paymentIntentId, cancellationToken))
                .Select(r => new RefundState(new StripeRefundFacts(r.Id, StripeAmounts.FromStripe(r.Amount, StripeAmounts.IsoCode(r.Currency)), r.ChargeId, r.Reason,
                    r.Status == "succeeded", r.Status is "failed" or "canceled"), r.Created)).ToList()
            : [];
        var facts = new StripePaymentFacts(intent.Id, StripeAmounts.FromStripe(succeeded ? intent.AmountReceived : intent.Amount, currency), currency,
            charge?.PaymentMethodDetails?.Type ?? intent.PaymentMethodTypes?.FirstOrDefault() ?? "card", intent.LatestChargeId, sessionId,
            intent.LastPaymentError?.Message);
        return new PaymentIntentState(invoiceId, succeeded, failed, facts, charge?.Created ?? intent.Created, refunds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}): {Outcome}")]
    private static partial void LogProcessed(ILogger logger, string eventId, string type, string outcome);
}

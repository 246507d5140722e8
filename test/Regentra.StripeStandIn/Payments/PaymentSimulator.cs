using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Hosting;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Payments;

/// <summary>
/// What Stripe does when a customer pays a Checkout Session, with the events in the order Stripe sends them.
/// The first attempt creates the PaymentIntent (payment_intent.created); later attempts reuse it.
/// <list type="bullet">
/// <item>Card: payment_intent.succeeded, charge.succeeded, checkout.session.completed (paid).</item>
/// <item>Bank debit: payment_intent.processing, charge.pending, checkout.session.completed (unpaid); later settled.</item>
/// <item>Decline: charge.failed, payment_intent.payment_failed; the session stays open.</item>
/// </list>
/// </summary>
internal sealed class PaymentSimulator(StandInStore store, EventPublisher events, SessionExpiry expiry, PublicUrls urls)
{
    public CheckoutSession Pay(CheckoutSession session, PaymentMethod method)
    {
        lock (store.Sync)
        {
            expiry.ExpireIfDue(session);
            if (session.Status != CheckoutSession.Open)
            {
                throw StripeApiException.BadRequest(
                    $"This Checkout Session is {session.Status}; only Checkout Sessions with a status in [\"open\"] can be paid.", "checkout_session");
            }

            var intent = IntentOf(session);
            switch (method)
            {
                case PaymentMethod.Card:
                    PayByCard(session, intent);
                    break;
                case PaymentMethod.Async:
                    StartDebit(session, intent);
                    break;
                default:
                    Decline(session, intent);
                    break;
            }

            return session;
        }
    }

    /// <summary>Settles a bank debit that is processing: it succeeds (session paid) or fails (PaymentIntent needs a payment method again).</summary>
    public PaymentIntent Settle(PaymentIntent intent, bool succeed)
    {
        lock (store.Sync)
        {
            if (intent.Status != PaymentIntent.Processing)
            {
                throw StripeApiException.BadRequest(
                    $"PaymentIntent {intent.Id} is {intent.Status}; only a processing (bank debit) payment can be settled.", "payment_intent");
            }

            var charge = store.FindAny<Charge>(intent.LatestChargeId!)!;
            var session = store.FindAny<CheckoutSession>(intent.CheckoutSessionId)!;
            if (succeed)
            {
                charge.Status = "succeeded";
                intent.Status = PaymentIntent.Succeeded;
                intent.AmountReceived = intent.Amount;
                events.Publish("payment_intent.succeeded", intent, EventOrigin.None);
                events.Publish("charge.succeeded", charge, EventOrigin.None);
                session.PaymentStatus = "paid";
                events.Publish("checkout.session.async_payment_succeeded", session, EventOrigin.None);
            }
            else
            {
                charge.Status = "failed";
                charge.FailureCode = "insufficient_funds";
                charge.FailureMessage = "The customer's account has insufficient funds to cover this payment.";
                intent.Status = PaymentIntent.RequiresPaymentMethod;
                intent.LastPaymentError = PaymentError.DebitFailed(charge.Id);
                events.Publish("charge.failed", charge, EventOrigin.None);
                events.Publish("payment_intent.payment_failed", intent, EventOrigin.None);
                events.Publish("checkout.session.async_payment_failed", session, EventOrigin.None);
            }

            return intent;
        }
    }

    private PaymentIntent IntentOf(CheckoutSession session)
    {
        if (session.AttemptIntentId is not null)
        {
            return store.FindAny<PaymentIntent>(session.AttemptIntentId)!;
        }

        var intent = store.Add(new PaymentIntent(StripeIds.PaymentIntent(), session.Account, store.Now)
        {
            Amount = session.AmountTotal,
            Currency = session.Currency,
            Metadata = new(session.PaymentIntentMetadata),
            Description = session.PaymentIntentDescription,
            PaymentMethodTypes = [.. session.PaymentMethodTypes],
            CheckoutSessionId = session.Id,
        });
        session.AttemptIntentId = intent.Id;
        events.Publish("payment_intent.created", intent, EventOrigin.None);
        return intent;
    }

    private void PayByCard(CheckoutSession session, PaymentIntent intent)
    {
        var charge = NewCharge(session, intent, Charge.Card, "succeeded");
        intent.Status = PaymentIntent.Succeeded;
        intent.AmountReceived = intent.Amount;
        intent.LastPaymentError = null;
        events.Publish("payment_intent.succeeded", intent, EventOrigin.None);
        events.Publish("charge.succeeded", charge, EventOrigin.None);
        Complete(session, intent, "paid");
    }

    private void StartDebit(CheckoutSession session, PaymentIntent intent)
    {
        var charge = NewCharge(session, intent, Charge.SepaDebit, "pending");
        if (!intent.PaymentMethodTypes.Contains(Charge.SepaDebit))
        {
            intent.PaymentMethodTypes.Add(Charge.SepaDebit);
        }

        intent.Status = PaymentIntent.Processing;
        intent.LastPaymentError = null;
        events.Publish("payment_intent.processing", intent, EventOrigin.None);
        events.Publish("charge.pending", charge, EventOrigin.None);
        Complete(session, intent, "unpaid");
    }

    private void Decline(CheckoutSession session, PaymentIntent intent)
    {
        var charge = NewCharge(session, intent, Charge.Card, "failed");
        charge.FailureCode = "card_declined";
        charge.FailureMessage = "Your card was declined.";
        intent.Status = PaymentIntent.RequiresPaymentMethod;
        intent.LastPaymentError = PaymentError.CardDeclined(charge.Id);
        events.Publish("charge.failed", charge, EventOrigin.None);
        events.Publish("payment_intent.payment_failed", intent, EventOrigin.None);
    }

    private void Complete(CheckoutSession session, PaymentIntent intent, string paymentStatus)
    {
        session.Status = CheckoutSession.Complete;
        session.PaymentStatus = paymentStatus;
        session.PaymentIntentId = intent.Id;
        session.CompletedAt = store.Now;
        events.Publish("checkout.session.completed", session, EventOrigin.None);
    }

    private Charge NewCharge(CheckoutSession session, PaymentIntent intent, string methodType, string status)
    {
        var id = StripeIds.Charge();
        var charge = store.Add(new Charge(id, intent.Account, store.Now)
        {
            Amount = intent.Amount,
            Currency = intent.Currency,
            PaymentIntentId = intent.Id,
            PaymentMethodId = StripeIds.PaymentMethod(),
            MethodType = methodType,
            Status = status,
            Metadata = new(intent.Metadata),
            Description = intent.Description,
            BillingEmail = session.CustomerEmail,
            ReceiptUrl = urls.Receipt(id),
        });
        intent.LatestChargeId = charge.Id;
        intent.PaymentMethodId = charge.PaymentMethodId;
        return charge;
    }
}

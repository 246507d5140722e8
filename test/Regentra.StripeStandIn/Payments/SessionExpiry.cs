using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;

namespace Regentra.StripeStandIn.Payments;

/// <summary>Expires open sessions, on request or once their expires_at has passed; an abandoned PaymentIntent is canceled with it.</summary>
internal sealed class SessionExpiry(StandInStore store, EventPublisher events)
{
    public void Expire(CheckoutSession session, EventOrigin origin)
    {
        lock (store.Sync)
        {
            session.Status = CheckoutSession.Expired;
            if (session.AttemptIntentId is not null && store.FindAny<PaymentIntent>(session.AttemptIntentId) is { Status: PaymentIntent.RequiresPaymentMethod } intent)
            {
                intent.Status = PaymentIntent.Canceled;
                intent.CanceledAt = store.Now;
                intent.CancellationReason = "abandoned";
                events.Publish("payment_intent.canceled", intent, origin);
            }

            events.Publish("checkout.session.expired", session, origin);
        }
    }

    /// <summary>Expires the session now if its time has come; reads call this so nobody sees an open session past expires_at.</summary>
    public void ExpireIfDue(CheckoutSession session)
    {
        lock (store.Sync)
        {
            if (session.Status == CheckoutSession.Open && session.ExpiresAt <= store.Now)
            {
                Expire(session, EventOrigin.None);
            }
        }
    }

    public void ExpireAllDue()
    {
        lock (store.Sync)
        {
            foreach (var session in store.All<CheckoutSession>())
            {
                ExpireIfDue(session);
            }
        }
    }
}

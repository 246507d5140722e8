using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Events;

/// <summary>Records an event with a snapshot of its object and queues it for every endpoint of the account that wants its type.</summary>
internal sealed class EventPublisher(StandInStore store, DeliveryQueue queue)
{
    public StripeEvent Publish(string type, StripeObject subject, EventOrigin origin, JsonObject? previousAttributes = null)
    {
        lock (store.Sync)
        {
            var endpoints = store.All<WebhookEndpoint>(subject.Account).Where(e => e.Wants(type)).OrderBy(e => e.Sequence).ToList();
            var stripeEvent = store.Add(new StripeEvent(StripeIds.Event(), subject.Account, store.Now)
            {
                Type = type,
                DataObject = subject.ToJson(),
                PreviousAttributes = previousAttributes,
                RequestId = origin.RequestId,
                IdempotencyKey = origin.IdempotencyKey,
                Endpoints = endpoints,
            });
            foreach (var endpoint in endpoints)
            {
                queue.Enqueue(new Delivery(stripeEvent, endpoint, queue.Generation));
            }

            return stripeEvent;
        }
    }
}

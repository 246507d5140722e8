using Regentra.StripeStandIn.Model;

namespace Regentra.StripeStandIn.Events;

/// <summary>An event waiting to be sent to one endpoint. Generation ties it to the state before the last reset.</summary>
internal sealed record Delivery(StripeEvent Event, WebhookEndpoint Endpoint, long Generation);

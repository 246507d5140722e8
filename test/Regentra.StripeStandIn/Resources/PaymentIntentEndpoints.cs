using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/payment_intents</c>: retrieve (expand[]=latest_charge) and list. Checkout creates them; the API only reads them here.</summary>
internal static class PaymentIntentEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var intents = v1.MapGroup("/payment_intents");
        intents.MapGet("", (ApiRequest request, StandInStore store) =>
            ApiResponses.List<PaymentIntent>(request, store, "/v1/payment_intents")).Requires(RestrictedKeyPermissions.PaymentIntentRead);
        intents.MapGet("/{id}", (string id, ApiRequest request, StandInStore store) =>
            ApiResponses.Object(request, store, store.Find<PaymentIntent>(request.Account, id) ?? throw StripeApiException.NoSuch("payment_intent", id)))
            .Requires(RestrictedKeyPermissions.PaymentIntentRead);
    }
}

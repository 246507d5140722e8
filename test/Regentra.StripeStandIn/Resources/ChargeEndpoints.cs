using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/charges</c>: retrieve and list (?payment_intent=).</summary>
internal static class ChargeEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var charges = v1.MapGroup("/charges");
        charges.MapGet("", (ApiRequest request, StandInStore store) =>
        {
            var paymentIntent = request.Params.OptionalString("payment_intent");
            return ApiResponses.List<Charge>(request, store, "/v1/charges", c => paymentIntent is null || c.PaymentIntentId == paymentIntent);
        }).Requires(RestrictedKeyPermissions.ChargeRead);
        charges.MapGet("/{id}", (string id, ApiRequest request, StandInStore store) =>
            ApiResponses.Object(request, store, store.Find<Charge>(request.Account, id) ?? throw StripeApiException.NoSuch("charge", id)))
            .Requires(RestrictedKeyPermissions.ChargeRead);
    }
}

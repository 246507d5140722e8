using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Payments;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/refunds</c>: create (by payment_intent or charge, optional amount), retrieve, list (?charge=, ?payment_intent=).</summary>
internal static class RefundEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var refunds = v1.MapGroup("/refunds");
        refunds.MapPost("", (ApiRequest request, StandInStore store, RefundIssuer issuer) =>
        {
            var form = request.Params;
            var amount = form.OptionalInteger("amount");
            var refund = issuer.Create(
                request.Account, form.OptionalString("charge"), form.OptionalString("payment_intent"), amount,
                form.OptionalString("reason"), StripeMetadata.Create(form), request.Origin);
            return ApiResponses.Object(request, store, refund);
        }).Requires(RestrictedKeyPermissions.RefundWrite);

        refunds.MapGet("", (ApiRequest request, StandInStore store) =>
        {
            var charge = request.Params.OptionalString("charge");
            var paymentIntent = request.Params.OptionalString("payment_intent");
            return ApiResponses.List<Refund>(request, store, "/v1/refunds", r =>
                (charge is null || r.ChargeId == charge) && (paymentIntent is null || r.PaymentIntentId == paymentIntent));
        }).Requires(RestrictedKeyPermissions.RefundRead);

        refunds.MapGet("/{id}", (string id, ApiRequest request, StandInStore store) =>
            ApiResponses.Object(request, store, store.Find<Refund>(request.Account, id) ?? throw StripeApiException.NoSuch("refund", id)))
            .Requires(RestrictedKeyPermissions.RefundRead);
    }
}

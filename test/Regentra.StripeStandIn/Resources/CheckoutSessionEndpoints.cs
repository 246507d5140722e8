using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Payments;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/checkout/sessions</c>: create, retrieve (expand[]=payment_intent), list (?payment_intent=, ?status=), expire.</summary>
internal static class CheckoutSessionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var sessions = v1.MapGroup("/checkout/sessions");
        sessions.MapPost("", (ApiRequest request, StandInStore store, CheckoutSessionFactory factory) =>
        {
            var session = store.Add(factory.Create(request));
            return ApiResponses.Object(request, store, session);
        }).Requires(RestrictedKeyPermissions.CheckoutSessionWrite);

        sessions.MapGet("", (ApiRequest request, StandInStore store, SessionExpiry expiry) =>
        {
            var paymentIntent = request.Params.OptionalString("payment_intent");
            var status = request.Params.OptionalString("status");
            expiry.ExpireAllDue();
            return ApiResponses.List<CheckoutSession>(request, store, "/v1/checkout/sessions", s =>
                (paymentIntent is null || s.PaymentIntentId == paymentIntent) && (status is null || s.Status == status));
        }).Requires(RestrictedKeyPermissions.CheckoutSessionRead);

        sessions.MapGet("/{id}", (string id, ApiRequest request, StandInStore store, SessionExpiry expiry) =>
        {
            var session = Find(request, store, id);
            expiry.ExpireIfDue(session);
            return ApiResponses.Object(request, store, session);
        }).Requires(RestrictedKeyPermissions.CheckoutSessionRead);

        sessions.MapPost("/{id}/expire", (string id, ApiRequest request, StandInStore store, SessionExpiry expiry) =>
        {
            lock (store.Sync)
            {
                var session = Find(request, store, id);
                expiry.ExpireIfDue(session);
                if (session.Status != CheckoutSession.Open)
                {
                    throw StripeApiException.BadRequest(
                        $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has status '{session.Status}'.");
                }

                expiry.Expire(session, request.Origin);
                return ApiResponses.Object(request, store, session);
            }
        }).Requires(RestrictedKeyPermissions.CheckoutSessionWrite);
    }

    private static CheckoutSession Find(ApiRequest request, StandInStore store, string id) =>
        store.Find<CheckoutSession>(request.Account, id) ?? throw StripeApiException.NoSuch("checkout.session", id);
}

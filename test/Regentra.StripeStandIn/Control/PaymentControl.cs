using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Payments;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary>The customer's and the bank's side without a browser: pay a session, settle a bank debit, refund, settle a refund.</summary>
internal static class PaymentControl
{
    public sealed record PayRequest(string? Method);

    public sealed record SettleRequest(bool Succeed = true);

    public sealed record RefundRequest(long? Amount, string? Reason);

    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/checkout/sessions/{id}/pay", (string id, PayRequest request, StandInStore store, PaymentSimulator payments) =>
        {
            var method = request.Method switch
            {
                "card" or null => PaymentMethod.Card,
                "async" => PaymentMethod.Async,
                "decline" => PaymentMethod.Decline,
                var other => throw StripeApiException.BadRequest($"Unknown method '{other}': use card, async or decline.", "method"),
            };
            var session = store.FindAny<CheckoutSession>(id) ?? throw StripeApiException.NoSuch("checkout.session", id);
            return Render(store, payments.Pay(session, method));
        });

        control.MapPost("/payment_intents/{id}/settle", (string id, SettleRequest request, StandInStore store, PaymentSimulator payments) =>
        {
            var intent = store.FindAny<PaymentIntent>(id) ?? throw StripeApiException.NoSuch("payment_intent", id);
            return Render(store, payments.Settle(intent, request.Succeed));
        });

        control.MapPost("/payment_intents/{id}/refund", (string id, RefundRequest? request, StandInStore store, RefundIssuer refunds) =>
        {
            var intent = store.FindAny<PaymentIntent>(id) ?? throw StripeApiException.NoSuch("payment_intent", id);
            return Render(store, refunds.Create(intent.Account, null, intent.Id, request?.Amount, request?.Reason, [], EventOrigin.None));
        });

        control.MapPost("/refunds/{id}/settle", (string id, SettleRequest request, StandInStore store, RefundIssuer refunds) =>
        {
            var refund = store.FindAny<Refund>(id) ?? throw StripeApiException.NoSuch("refund", id);
            return Render(store, refunds.Settle(refund, request.Succeed));
        });
    }

    private static IResult Render(StandInStore store, StripeObject item)
    {
        lock (store.Sync)
        {
            return StripeJson.Result(item.ToJson());
        }
    }
}

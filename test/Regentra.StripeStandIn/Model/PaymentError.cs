using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Model;

/// <summary>A PaymentIntent's <c>last_payment_error</c> (Stripe's error object, as a card decline reports it).</summary>
internal sealed record PaymentError(string Type, string Code, string? DeclineCode, string Message, string? ChargeId, string PaymentMethodType)
{
    public static PaymentError CardDeclined(string chargeId) =>
        new("card_error", "card_declined", "generic_decline", "Your card was declined.", chargeId, "card");

    public static PaymentError DebitFailed(string chargeId) =>
        new("card_error", "insufficient_funds", null, "The customer's account has insufficient funds to cover this payment.", chargeId, "sepa_debit");

    public JsonObject ToJson() => new()
    {
        ["charge"] = ChargeId,
        ["code"] = Code,
        ["decline_code"] = DeclineCode,
        ["doc_url"] = $"https://docs.stripe.com/error-codes/{Code.Replace('_', '-')}",
        ["message"] = Message,
        ["payment_method_type"] = PaymentMethodType,
        ["type"] = Type,
    };
}

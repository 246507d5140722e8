using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>
/// The PaymentIntent Checkout creates when the customer first tries to pay:
/// requires_payment_method (after a decline or a failed debit) → processing (bank debit) → succeeded.
/// </summary>
internal sealed class PaymentIntent(string id, Account account, long created) : StripeObject(id, account, created)
{
    public const string RequiresPaymentMethod = "requires_payment_method";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Canceled = "canceled";

    public override string ObjectType => "payment_intent";

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public long AmountReceived { get; set; }

    public string Status { get; set; } = RequiresPaymentMethod;

    public Dictionary<string, string> Metadata { get; init; } = [];

    public string? Description { get; init; }

    public string? LatestChargeId { get; set; }

    public string? PaymentMethodId { get; set; }

    public required List<string> PaymentMethodTypes { get; init; }

    public PaymentError? LastPaymentError { get; set; }

    public string? ReceiptEmail { get; init; }

    public long? CanceledAt { get; set; }

    public string? CancellationReason { get; set; }

    public required string CheckoutSessionId { get; init; }

    public string ClientSecret { get; } = StripeIds.ClientSecret(id);

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = ObjectType,
        ["amount"] = Amount,
        ["amount_capturable"] = 0,
        ["amount_received"] = AmountReceived,
        ["application"] = null,
        ["automatic_payment_methods"] = null,
        ["canceled_at"] = CanceledAt,
        ["cancellation_reason"] = CancellationReason,
        ["capture_method"] = "automatic",
        ["client_secret"] = ClientSecret,
        ["confirmation_method"] = "automatic",
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer"] = null,
        ["description"] = Description,
        ["last_payment_error"] = LastPaymentError?.ToJson(),
        ["latest_charge"] = LatestChargeId,
        ["livemode"] = Livemode,
        ["metadata"] = StripeJson.Metadata(Metadata),
        ["payment_method"] = PaymentMethodId,
        ["payment_method_types"] = StripeJson.Strings(PaymentMethodTypes),
        ["receipt_email"] = ReceiptEmail,
        ["status"] = Status,
    };
}

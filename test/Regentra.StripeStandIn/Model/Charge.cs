using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>One payment attempt of a PaymentIntent: a card charge (succeeded or failed at once) or a bank debit (pending first).</summary>
internal sealed class Charge(string id, Account account, long created) : StripeObject(id, account, created)
{
    public const string Card = "card";
    public const string SepaDebit = "sepa_debit";

    public override string ObjectType => "charge";

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string PaymentMethodId { get; init; }

    /// <summary><c>card</c> or <c>sepa_debit</c>.</summary>
    public required string MethodType { get; init; }

    /// <summary>succeeded, pending or failed.</summary>
    public string Status { get; set; } = "pending";

    public long AmountRefunded { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public string? Description { get; init; }

    public string? BillingEmail { get; init; }

    public required string ReceiptUrl { get; init; }

    public bool Paid => Status == "succeeded";

    public long AmountCaptured => Paid || AmountRefunded > 0 ? Amount : 0;

    public bool Refunded => AmountRefunded >= Amount;

    public long Refundable => Amount - AmountRefunded;

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = ObjectType,
        ["amount"] = Amount,
        ["amount_captured"] = AmountCaptured,
        ["amount_refunded"] = AmountRefunded,
        ["application"] = null,
        ["balance_transaction"] = null,
        ["billing_details"] = new JsonObject { ["address"] = null, ["email"] = BillingEmail, ["name"] = null, ["phone"] = null },
        ["captured"] = Status != "failed",
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer"] = null,
        ["description"] = Description,
        ["disputed"] = false,
        ["failure_code"] = FailureCode,
        ["failure_message"] = FailureMessage,
        ["livemode"] = Livemode,
        ["metadata"] = StripeJson.Metadata(Metadata),
        ["outcome"] = Outcome(),
        ["paid"] = Paid,
        ["payment_intent"] = PaymentIntentId,
        ["payment_method"] = PaymentMethodId,
        ["payment_method_details"] = MethodDetails(),
        ["receipt_email"] = null,
        ["receipt_url"] = ReceiptUrl,
        ["refunded"] = Refunded,
        ["status"] = Status,
    };

    private JsonObject Outcome() => Status switch
    {
        "failed" => new JsonObject
        {
            ["network_status"] = "declined_by_network",
            ["reason"] = "generic_decline",
            ["risk_level"] = "normal",
            ["seller_message"] = "The bank did not return any further details with this decline.",
            ["type"] = "issuer_declined",
        },
        _ => new JsonObject
        {
            ["network_status"] = "approved_by_network",
            ["reason"] = null,
            ["risk_level"] = "normal",
            ["seller_message"] = "Payment complete.",
            ["type"] = "authorized",
        },
    };

    private JsonObject MethodDetails() => MethodType == SepaDebit
        ? new JsonObject
        {
            ["sepa_debit"] = new JsonObject
            {
                ["bank_code"] = "37040044",
                ["branch_code"] = null,
                ["country"] = "DE",
                ["fingerprint"] = "standInSepaFingerprint",
                ["last4"] = "3000",
                ["mandate"] = null,
            },
            ["type"] = SepaDebit,
        }
        : new JsonObject
        {
            ["card"] = new JsonObject
            {
                ["brand"] = "visa",
                ["country"] = "US",
                ["exp_month"] = 12,
                ["exp_year"] = 2034,
                ["fingerprint"] = "standInCardFingerprint",
                ["funding"] = "credit",
                ["last4"] = Status == "failed" ? "0002" : "4242",
                ["network"] = "visa",
            },
            ["type"] = Card,
        };
}

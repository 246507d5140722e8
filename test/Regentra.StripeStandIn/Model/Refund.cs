using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>Money given back on a charge. Card refunds succeed at once; bank-debit refunds stay pending until settled.</summary>
internal sealed class Refund(string id, Account account, long created) : StripeObject(id, account, created)
{
    public override string ObjectType => "refund";

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    /// <summary>pending, succeeded or failed.</summary>
    public required string Status { get; set; }

    public string? Reason { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = ObjectType,
        ["amount"] = Amount,
        ["balance_transaction"] = null,
        ["charge"] = ChargeId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["failure_reason"] = Status == "failed" ? "declined" : null,
        ["metadata"] = StripeJson.Metadata(Metadata),
        ["payment_intent"] = PaymentIntentId,
        ["reason"] = Reason,
        ["receipt_number"] = null,
        ["status"] = Status,
    };
}

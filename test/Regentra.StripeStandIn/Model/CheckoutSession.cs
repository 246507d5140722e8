using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>A hosted Checkout Session in payment mode: open → complete (paid now, or later for bank debits) or expired.</summary>
internal sealed class CheckoutSession(string id, Account account, long created) : StripeObject(id, account, created)
{
    public const string Open = "open";
    public const string Complete = "complete";
    public const string Expired = "expired";

    public override string ObjectType => "checkout.session";

    public required string Mode { get; init; }

    public required string Currency { get; init; }

    public required List<LineItem> LineItems { get; init; }

    public long AmountTotal => LineItems.Sum(l => l.Amount);

    public string? ClientReferenceId { get; init; }

    public string? CustomerEmail { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    /// <summary><c>payment_intent_data[metadata]</c>: copied onto the PaymentIntent when the customer pays.</summary>
    public Dictionary<string, string> PaymentIntentMetadata { get; init; } = [];

    public string? PaymentIntentDescription { get; init; }

    public string? SuccessUrl { get; init; }

    public string? CancelUrl { get; init; }

    public required long ExpiresAt { get; init; }

    public required List<string> PaymentMethodTypes { get; init; }

    /// <summary>The stand-in's hosted page for this session.</summary>
    public required string HostedUrl { get; init; }

    public string Status { get; set; } = Open;

    public string PaymentStatus { get; set; } = "unpaid";

    /// <summary>Set once the session completes; Stripe shows no PaymentIntent on an open session.</summary>
    public string? PaymentIntentId { get; set; }

    /// <summary>The PaymentIntent of the customer's attempts (it exists after a decline, while the session is still open).</summary>
    public string? AttemptIntentId { get; set; }

    public long? CompletedAt { get; set; }

    /// <summary>The product name of the first line, for the page heading.</summary>
    public string Title => LineItems[0].Name;

    /// <summary><c>success_url</c> with Stripe's <c>{CHECKOUT_SESSION_ID}</c> template filled in.</summary>
    public string? SuccessRedirect => SuccessUrl?.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = ObjectType,
        ["amount_subtotal"] = AmountTotal,
        ["amount_total"] = AmountTotal,
        ["cancel_url"] = CancelUrl,
        ["client_reference_id"] = ClientReferenceId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer"] = null,
        ["customer_creation"] = "if_required",
        ["customer_details"] = CompletedAt is null ? null : new JsonObject
        {
            ["address"] = null,
            ["email"] = CustomerEmail,
            ["name"] = null,
            ["phone"] = null,
            ["tax_exempt"] = "none",
        },
        ["customer_email"] = CustomerEmail,
        ["expires_at"] = ExpiresAt,
        ["livemode"] = Livemode,
        ["locale"] = null,
        ["metadata"] = StripeJson.Metadata(Metadata),
        ["mode"] = Mode,
        ["payment_intent"] = PaymentIntentId,
        ["payment_method_types"] = StripeJson.Strings(PaymentMethodTypes),
        ["payment_status"] = PaymentStatus,
        ["status"] = Status,
        ["submit_type"] = null,
        ["success_url"] = SuccessUrl,
        ["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 },
        ["ui_mode"] = "hosted",
        ["url"] = Status == Open ? HostedUrl : null,
    };
}

using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>
/// An event with a snapshot of its object taken when it happened. Each endpoint receives the body rendered with its
/// own API version; a body, once rendered, is kept so redeliveries send exactly the same bytes.
/// </summary>
internal sealed class StripeEvent(string id, Account account, long created) : StripeObject(id, account, created)
{
    private readonly Dictionary<string, string> bodies = [];

    public override string ObjectType => "event";

    public required string Type { get; init; }

    public required JsonObject DataObject { get; init; }

    public JsonObject? PreviousAttributes { get; init; }

    public string? RequestId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The endpoints that wanted the event when it happened.</summary>
    public required List<WebhookEndpoint> Endpoints { get; init; }

    public List<DeliveryAttempt> Attempts { get; } = [];

    public override JsonObject ToJson() => ToJson(Account.ApiVersion);

    public JsonObject ToJson(string apiVersion)
    {
        var data = new JsonObject { ["object"] = DataObject.DeepClone() };
        if (PreviousAttributes is not null)
        {
            data["previous_attributes"] = PreviousAttributes.DeepClone();
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = ObjectType,
            ["api_version"] = apiVersion,
            ["created"] = Created,
            ["data"] = data,
            ["livemode"] = Livemode,
            ["pending_webhooks"] = Endpoints.Count,
            ["request"] = new JsonObject { ["id"] = RequestId, ["idempotency_key"] = IdempotencyKey },
            ["type"] = Type,
        };
    }

    /// <summary>The exact JSON delivered to endpoints of this API version. Call under the store's lock.</summary>
    public string Body(string apiVersion)
    {
        if (!bodies.TryGetValue(apiVersion, out var body))
        {
            body = StripeJson.Write(ToJson(apiVersion));
            bodies[apiVersion] = body;
        }

        return body;
    }
}

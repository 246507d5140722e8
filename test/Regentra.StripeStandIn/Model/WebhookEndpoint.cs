using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Model;

/// <summary>Where an account's events are delivered, signed with <see cref="Secret"/>.</summary>
internal sealed class WebhookEndpoint(string id, Account account, long created) : StripeObject(id, account, created)
{
    public override string ObjectType => "webhook_endpoint";

    public required string Url { get; set; }

    public required List<string> EnabledEvents { get; set; }

    /// <summary>Null means the account's version, as with Stripe.</summary>
    public string? ApiVersion { get; init; }

    public string? Description { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    public required string Secret { get; init; }

    public bool Disabled { get; set; }

    public bool Deleted { get; set; }

    public string EffectiveApiVersion => ApiVersion ?? Account.ApiVersion;

    public bool Wants(string eventType) => !Disabled && !Deleted && (EnabledEvents.Contains("*") || EnabledEvents.Contains(eventType));

    public override JsonObject ToJson() => ToJson(includeSecret: false);

    /// <summary>Stripe returns the secret only in the response that creates the endpoint.</summary>
    public JsonObject ToJson(bool includeSecret)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["object"] = ObjectType,
            ["api_version"] = ApiVersion,
            ["application"] = null,
            ["created"] = Created,
            ["description"] = Description,
            ["enabled_events"] = StripeJson.Strings(EnabledEvents),
            ["livemode"] = Livemode,
            ["metadata"] = StripeJson.Metadata(Metadata),
        };
        if (includeSecret)
        {
            json["secret"] = Secret;
        }

        json["status"] = Disabled ? "disabled" : "enabled";
        json["url"] = Url;
        return json;
    }
}

using System.Text.RegularExpressions;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/webhook_endpoints</c>: create (the only answer with the secret), list, retrieve, update, delete.</summary>
internal static partial class WebhookEndpointEndpoints
{
    private const int MaxEndpointsPerAccount = 16;

    public static void Map(RouteGroupBuilder v1)
    {
        var endpoints = v1.MapGroup("/webhook_endpoints");
        endpoints.MapPost("", Create).Requires(RestrictedKeyPermissions.WebhookWrite);
        endpoints.MapGet("", (ApiRequest request, StandInStore store) =>
            ApiResponses.List<WebhookEndpoint>(request, store, "/v1/webhook_endpoints")).Requires(RestrictedKeyPermissions.WebhookRead);
        endpoints.MapGet("/{id}", (string id, ApiRequest request, StandInStore store) =>
            ApiResponses.Object(request, store, Find(request, store, id))).Requires(RestrictedKeyPermissions.WebhookRead);
        endpoints.MapPost("/{id}", Update).Requires(RestrictedKeyPermissions.WebhookWrite);
        endpoints.MapDelete("/{id}", Delete).Requires(RestrictedKeyPermissions.WebhookWrite);
    }

    private static IResult Create(ApiRequest request, StandInStore store)
    {
        var form = request.Params;
        var url = ValidUrl(form, "url", required: true)!;
        var events = EnabledEvents(form, required: true)!;
        var apiVersion = form.OptionalString("api_version");
        if (apiVersion is not null && !ApiVersionFormat().IsMatch(apiVersion))
        {
            throw StripeApiException.BadRequest($"Invalid api_version: {apiVersion}", "api_version");
        }

        lock (store.Sync)
        {
            if (store.All<WebhookEndpoint>(request.Account).Count >= MaxEndpointsPerAccount)
            {
                throw StripeApiException.BadRequest($"You have reached the maximum of {MaxEndpointsPerAccount} webhook endpoints on this account.", "url");
            }

            var endpoint = store.Add(new WebhookEndpoint(StripeIds.WebhookEndpoint(), request.Account, store.Now)
            {
                Url = url,
                EnabledEvents = events,
                ApiVersion = apiVersion,
                Description = form.OptionalString("description"),
                Metadata = StripeMetadata.Create(form),
                Secret = StripeIds.WebhookSecret(),
            });
            return StripeJson.Result(endpoint.ToJson(includeSecret: true));
        }
    }

    private static IResult Update(string id, ApiRequest request, StandInStore store)
    {
        var form = request.Params;
        var url = ValidUrl(form, "url", required: false);
        var events = EnabledEvents(form, required: false);
        var disabled = form.OptionalBoolean("disabled");
        lock (store.Sync)
        {
            var endpoint = Find(request, store, id);
            if (url is not null)
            {
                endpoint.Url = url;
            }

            if (events is not null)
            {
                endpoint.EnabledEvents = events;
            }

            if (disabled is not null)
            {
                endpoint.Disabled = disabled.Value;
            }

            if (form["description"] is not null)
            {
                endpoint.Description = form.OptionalString("description");
            }

            StripeMetadata.Apply(endpoint.Metadata, form);
            return StripeJson.Result(endpoint.ToJson());
        }
    }

    private static IResult Delete(string id, ApiRequest request, StandInStore store)
    {
        lock (store.Sync)
        {
            var endpoint = Find(request, store, id);
            endpoint.Deleted = true;
            store.Remove(endpoint);
            return StripeJson.Result(new System.Text.Json.Nodes.JsonObject { ["id"] = endpoint.Id, ["object"] = endpoint.ObjectType, ["deleted"] = true });
        }
    }

    private static WebhookEndpoint Find(ApiRequest request, StandInStore store, string id) =>
        store.Find<WebhookEndpoint>(request.Account, id) ?? throw StripeApiException.NoSuch("webhook_endpoint", id);

    private static string? ValidUrl(FormNode form, string key, bool required)
    {
        var url = required ? form.RequiredString(key) : form.OptionalString(key);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw StripeApiException.BadRequest($"Invalid URL: {url}. URLs must be absolute http or https URLs.", key, "url_invalid");
        }

        return url;
    }

    private static List<string>? EnabledEvents(FormNode form, bool required)
    {
        if (form["enabled_events"] is null)
        {
            return required ? throw StripeApiException.Missing("enabled_events") : null;
        }

        var events = form.StringList("enabled_events");
        if (events.Count == 0)
        {
            throw StripeApiException.Missing("enabled_events");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] != "*" && !EventTypeFormat().IsMatch(events[i]))
            {
                throw StripeApiException.BadRequest($"Invalid enabled_events[{i}]: {events[i]} is not an event type.", $"enabled_events[{i}]");
            }
        }

        return events.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$")]
    private static partial Regex ApiVersionFormat();

    [GeneratedRegex(@"^[a-z_]+(\.[a-z_]+)+$")]
    private static partial Regex EventTypeFormat();
}

using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>/v1/events</c>: retrieve and list (?type=), in the account's API version.</summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var events = v1.MapGroup("/events");
        events.MapGet("", (ApiRequest request, StandInStore store) =>
        {
            var type = request.Params.OptionalString("type");
            return ApiResponses.List<StripeEvent>(request, store, "/v1/events", e => type is null || e.Type == type);
        }).Requires(RestrictedKeyPermissions.EventRead);
        events.MapGet("/{id}", (string id, ApiRequest request, StandInStore store) =>
            ApiResponses.Object(request, store, store.Find<StripeEvent>(request.Account, id) ?? throw StripeApiException.NoSuch("event", id)))
            .Requires(RestrictedKeyPermissions.EventRead);
    }
}

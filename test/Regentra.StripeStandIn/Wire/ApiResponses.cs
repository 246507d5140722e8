using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;

namespace Regentra.StripeStandIn.Wire;

/// <summary>Renders API answers under the store's lock, with the request's expand[] applied.</summary>
internal static class ApiResponses
{
    public static IResult Object(ApiRequest request, StandInStore store, StripeObject item) =>
        Object(request, store, () => item.ToJson());

    public static IResult Object(ApiRequest request, StandInStore store, Func<JsonObject> render)
    {
        lock (store.Sync)
        {
            return StripeJson.Result(Expand(request, store, render()));
        }
    }

    public static IResult List<T>(ApiRequest request, StandInStore store, string url, Func<T, bool>? filter = null)
        where T : StripeObject
    {
        lock (store.Sync)
        {
            var items = store.All<T>(request.Account).Where(filter ?? (_ => true)).ToList();
            return StripeJson.Result(Expand(request, store, StripeList.Page(items, request.Params, url)));
        }
    }

    private static JsonObject Expand(ApiRequest request, StandInStore store, JsonObject json) =>
        Expander.Apply(json, request.Expand, id => store.Find<StripeObject>(request.Account, id) is { } found and not StripeEvent ? found.ToJson() : null);
}

using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Model;

namespace Regentra.StripeStandIn.Wire;

/// <summary>Stripe's list envelope with its cursor paging: <c>limit</c> (1–100, default 10), <c>starting_after</c>, <c>ending_before</c>.</summary>
internal static class StripeList
{
    public static JsonObject Page<T>(IReadOnlyList<T> newestFirst, FormNode query, string url, Func<T, JsonObject>? render = null)
        where T : StripeObject
    {
        var limit = query.OptionalInteger("limit") ?? 10;
        if (limit is < 1 or > 100)
        {
            throw StripeApiException.BadRequest("Invalid limit: must be between 1 and 100", "limit", "parameter_invalid_integer");
        }

        var startingAfter = query.OptionalString("starting_after");
        var endingBefore = query.OptionalString("ending_before");
        IEnumerable<T> window = newestFirst;
        var hasMore = false;
        if (endingBefore is not null)
        {
            var before = newestFirst.TakeWhile(o => o.Id != endingBefore).ToList();
            hasMore = before.Count > limit;
            window = before.Skip(Math.Max(0, before.Count - (int)limit));
        }
        else
        {
            if (startingAfter is not null)
            {
                window = newestFirst.SkipWhile(o => o.Id != startingAfter).Skip(1);
            }

            var rest = window.ToList();
            hasMore = rest.Count > limit;
            window = rest.Take((int)limit);
        }

        render ??= o => o.ToJson();
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(window.Select(o => (JsonNode?)render(o)).ToArray()),
            ["has_more"] = hasMore,
            ["url"] = url,
        };
    }
}

using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// Stripe's <c>expand[]</c>: replaces an id with the object it names, following dotted paths
/// (<c>payment_intent.latest_charge</c>, <c>data.charge</c> in lists). Asking to expand anything that is not an id of an
/// object the stand-in holds is refused, as Stripe refuses non-expandable properties.
/// </summary>
internal static class Expander
{
    public static JsonObject Apply(JsonObject root, IReadOnlyList<string> paths, Func<string, JsonObject?> resolve)
    {
        foreach (var path in paths)
        {
            Expand(root, path.Split('.'), 0, path, resolve);
        }

        return root;
    }

    private static void Expand(JsonNode? node, string[] segments, int index, string path, Func<string, JsonObject?> resolve)
    {
        if (index == segments.Length)
        {
            return;
        }

        var name = segments[index];
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var value))
        {
            throw CannotExpand(path);
        }

        switch (value)
        {
            case null:
                return;
            case JsonValue id when id.TryGetValue<string>(out var text):
                var expanded = resolve(text) ?? throw CannotExpand(path);
                obj[name] = expanded;
                Expand(expanded, segments, index + 1, path, resolve);
                return;
            case JsonObject child:
                Expand(child, segments, index + 1, path, resolve);
                return;
            case JsonArray items when name == "data" && index + 1 < segments.Length:
                foreach (var item in items)
                {
                    Expand(item, segments, index + 1, path, resolve);
                }

                return;
            default:
                throw CannotExpand(path);
        }
    }

    private static StripeApiException CannotExpand(string path) =>
        StripeApiException.BadRequest($"This property cannot be expanded ({path}).", "expand");
}

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// Parses Stripe's form encoding (<c>application/x-www-form-urlencoded</c> bodies and query strings) with bracket
/// notation: <c>line_items[0][price_data][unit_amount]=12000</c>, <c>metadata[invoice_id]=42</c>, <c>expand[]=x</c>.
/// </summary>
internal static class StripeForm
{
    public static FormNode Parse(params string?[] encodedParts)
    {
        var root = FormNode.Root();
        foreach (var encoded in encodedParts)
        {
            foreach (var pair in (encoded ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(separator < 0 ? pair : pair[..separator]);
                var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
                Add(root, name, value);
            }
        }

        return root;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static void Add(FormNode root, string name, string value)
    {
        var segments = Segments(name);
        var node = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            node = node.ChildMap(segments[i].Length == 0 ? node.NextIndex() : segments[i]);
        }

        var last = segments[^1];
        node.SetLeaf(last.Length == 0 ? node.NextIndex() : last, value);
    }

    // "a[b][0]" -> ["a", "b", "0"]; "a[]" -> ["a", ""] (append).
    private static List<string> Segments(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return name.Length == 0 ? throw StripeApiException.BadRequest("A parameter without a name was sent.") : [name];
        }

        var segments = new List<string> { name[..open] };
        var rest = name[open..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (rest[0] != '[' || close < 0)
            {
                throw StripeApiException.BadRequest($"Invalid parameter name: {name} (unbalanced brackets).");
            }

            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        return segments[0].Length == 0 ? throw StripeApiException.BadRequest($"Invalid parameter name: {name}.") : segments;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// One node of a parsed Stripe form: a leaf string, or a map of children in the order they were sent (lists are maps
/// with keys 0, 1, 2...). <see cref="Path"/> is the bracket name Stripe uses in errors, e.g. <c>line_items[0][quantity]</c>.
/// The typed getters throw Stripe's validation errors.
/// </summary>
internal sealed class FormNode
{
    private readonly List<KeyValuePair<string, FormNode>> children = [];

    private FormNode(string path, string? value)
    {
        Path = path;
        Value = value;
    }

    public string Path { get; }

    /// <summary>The leaf's text; null for a map.</summary>
    public string? Value { get; private set; }

    public bool IsLeaf => Value is not null;

    public IReadOnlyList<KeyValuePair<string, FormNode>> Children => children;

    public static FormNode Root() => new("", null);

    public FormNode? this[string key] => children.FirstOrDefault(c => c.Key == key).Value;

    /// <summary>Where <paramref name="key"/> under this node is named in errors.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}[{key}]";

    internal FormNode ChildMap(string key)
    {
        var existing = this[key];
        if (existing is null)
        {
            var child = new FormNode(PathOf(key), null);
            children.Add(new(key, child));
            return child;
        }

        return existing.IsLeaf ? throw StripeApiException.BadRequest($"Invalid hash: {existing.Path} was sent both as a value and as a hash.", existing.Path) : existing;
    }

    internal void SetLeaf(string key, string value)
    {
        var existing = this[key];
        if (existing is null)
        {
            children.Add(new(key, new FormNode(PathOf(key), value)));
        }
        else if (existing.IsLeaf)
        {
            existing.Value = value;
        }
        else
        {
            throw StripeApiException.BadRequest($"Invalid string: {existing.Path} was sent both as a hash and as a value.", existing.Path);
        }
    }

    internal string NextIndex() => children.Count.ToString(CultureInfo.InvariantCulture);

    public string? OptionalString(string key)
    {
        var child = this[key];
        if (child is null)
        {
            return null;
        }

        if (!child.IsLeaf)
        {
            throw StripeApiException.BadRequest($"Invalid string: {child.Path} must be a string, not a hash.", child.Path);
        }

        return child.Value!.Length == 0 ? null : child.Value;
    }

    public string RequiredString(string key)
    {
        var child = this[key] ?? throw StripeApiException.Missing(PathOf(key));
        return OptionalString(key) ?? throw StripeApiException.BadRequest(
            $"You passed an empty string for '{child.Path}'. We assume empty values are an attempt to unset a parameter; however '{child.Path}' cannot be unset. You should remove '{child.Path}' from your request or supply a non-empty value.",
            child.Path, "parameter_invalid_empty");
    }

    public long? OptionalInteger(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw StripeApiException.InvalidInteger(PathOf(key), text);
    }

    public long RequiredInteger(string key)
    {
        RequiredString(key);
        return OptionalInteger(key)!.Value;
    }

    public bool? OptionalBoolean(string key) => OptionalString(key) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw StripeApiException.BadRequest($"Invalid boolean: {other}", PathOf(key), "parameter_invalid_boolean"),
    };

    /// <summary>The children of a list parameter (<c>key[0]</c>, <c>key[1]</c>...), in index order; empty when absent.</summary>
    public IReadOnlyList<FormNode> List(string key)
    {
        var child = this[key];
        if (child is null || (child.IsLeaf && child.Value!.Length == 0))
        {
            return [];
        }

        if (child.IsLeaf || !child.children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw StripeApiException.BadRequest($"Invalid array: {child.Path} must be an array (send {child.Path}[0]=...).", child.Path);
        }

        return child.children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(c => c.Value).ToList();
    }

    public IReadOnlyList<string> StringList(string key) =>
        List(key).Select(item => item.IsLeaf
            ? item.Value!
            : throw StripeApiException.BadRequest($"Invalid string: {item.Path} must be a string.", item.Path)).ToList();

    /// <summary>A map parameter such as <c>metadata[...]</c>; absent is null.</summary>
    public FormNode? Map(string key)
    {
        var child = this[key];
        if (child is null || (child.IsLeaf && child.Value!.Length == 0))
        {
            return null;
        }

        return child.IsLeaf ? throw StripeApiException.BadRequest($"Invalid object: {child.Path} must be a hash (send {child.Path}[name]=...).", child.Path) : child;
    }

    /// <summary>The node as JSON for the request journal: leaves are strings, maps keyed 0..n are arrays.</summary>
    public JsonNode ToJson()
    {
        if (IsLeaf)
        {
            return JsonValue.Create(Value)!;
        }

        var isList = children.Count > 0 && children.Select((c, i) => c.Key == i.ToString(CultureInfo.InvariantCulture)).All(x => x);
        if (isList)
        {
            return new JsonArray(children.Select(c => (JsonNode?)c.Value.ToJson()).ToArray());
        }

        var map = new JsonObject();
        foreach (var (key, child) in children)
        {
            map[key] = child.ToJson();
        }

        return map;
    }

    /// <summary>The parameters as sorted name=value lines, so two requests with the same parameters compare equal.</summary>
    public string Fingerprint()
    {
        var lines = new List<string>();
        Collect(lines);
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private void Collect(List<string> lines)
    {
        foreach (var (_, child) in children)
        {
            if (child.IsLeaf)
            {
                lines.Add($"{child.Path}={child.Value}");
            }
            else
            {
                child.Collect(lines);
            }
        }
    }
}

namespace Regentra.StripeStandIn.Wire;

/// <summary>Stripe's metadata rules: up to 50 keys, keys up to 40 characters without brackets, values up to 500 characters; an empty value unsets a key.</summary>
internal static class StripeMetadata
{
    private const int MaxKeys = 50;
    private const int MaxKeyLength = 40;
    private const int MaxValueLength = 500;

    /// <summary>The metadata of a create request (empty values dropped).</summary>
    public static Dictionary<string, string> Create(FormNode parent, string key = "metadata")
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        Apply(metadata, parent, key);
        return metadata;
    }

    /// <summary>Applies an update: new values set, empty values remove the key.</summary>
    public static void Apply(Dictionary<string, string> metadata, FormNode parent, string key = "metadata")
    {
        var map = parent.Map(key);
        if (map is null)
        {
            return;
        }

        foreach (var (name, child) in map.Children)
        {
            if (!child.IsLeaf)
            {
                throw StripeApiException.BadRequest($"Invalid value for {child.Path}: metadata values must be strings.", child.Path);
            }

            if (name.Length > MaxKeyLength)
            {
                throw StripeApiException.BadRequest($"Metadata keys can have up to {MaxKeyLength} characters; '{name}' has {name.Length}.", child.Path);
            }

            if (child.Value!.Length > MaxValueLength)
            {
                throw StripeApiException.BadRequest($"Metadata values can have up to {MaxValueLength} characters; the value of '{name}' has {child.Value.Length}.", child.Path);
            }

            if (child.Value.Length == 0)
            {
                metadata.Remove(name);
            }
            else
            {
                metadata[name] = child.Value;
            }
        }

        if (metadata.Count > MaxKeys)
        {
            throw StripeApiException.BadRequest($"You can specify up to {MaxKeys} metadata keys.", map.Path);
        }
    }
}

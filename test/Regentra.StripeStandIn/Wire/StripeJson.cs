using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Wire;

/// <summary>Writes Stripe's JSON: snake_case names as the objects spell them, nulls kept, indented by two like Stripe.</summary>
internal static class StripeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static IResult Result(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(Write(node), "application/json", Encoding.UTF8, status);

    public static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Wire;

/// <summary>An error answered in Stripe's shape: <c>{"error":{"type","code","message","param",...}}</c> with its HTTP status.</summary>
internal sealed class StripeApiException(int status, string type, string message, string? code = null, string? param = null)
    : Exception(message)
{
    public const string InvalidRequest = "invalid_request_error";

    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? Code { get; } = code;

    public string? Param { get; } = param;

    public static StripeApiException BadRequest(string message, string? param = null, string? code = null) =>
        new(400, InvalidRequest, message, code, param);

    public static StripeApiException Missing(string param) =>
        BadRequest($"Missing required param: {param}.", param, "parameter_missing");

    public static StripeApiException NoSuch(string objectType, string id, string param = "id") =>
        new(404, InvalidRequest, $"No such {objectType}: '{id}'", "resource_missing", param);

    public static StripeApiException InvalidInteger(string param, string value) =>
        BadRequest($"Invalid integer: {value}", param, "parameter_invalid_integer");

    public static StripeApiException Unrecognized(string method, string path) =>
        new(404, InvalidRequest, $"Unrecognized request URL ({method}: {path}). The stand-in emulates only the part of Stripe's API that Regentra uses.");

    public JsonObject ToJson()
    {
        var error = new JsonObject();
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = string.Create(CultureInfo.InvariantCulture, $"https://docs.stripe.com/error-codes/{Code.Replace('_', '-')}");
        }

        error["message"] = Message;
        if (Param is not null)
        {
            error["param"] = Param;
        }

        error["type"] = Type;
        return new JsonObject { ["error"] = error };
    }
}

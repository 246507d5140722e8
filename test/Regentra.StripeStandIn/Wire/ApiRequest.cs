using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Model;

namespace Regentra.StripeStandIn.Wire;

/// <summary>An authenticated /v1 request as the endpoints see it: whose it is and its parsed parameters.</summary>
internal sealed class ApiRequest
{
    public required string RequestId { get; init; }

    public required ApiKey Key { get; init; }

    public Account Account => Key.Account;

    /// <summary>The query string and form body, parsed from Stripe's bracket notation.</summary>
    public required FormNode Params { get; init; }

    public string? IdempotencyKey { get; init; }

    public required string StripeVersion { get; init; }

    public IReadOnlyList<string> Expand => Params.StringList("expand");

    public EventOrigin Origin => new(RequestId, IdempotencyKey);

    /// <summary>Lets minimal-API handlers take an <see cref="ApiRequest"/> parameter.</summary>
    public static ValueTask<ApiRequest?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Items[typeof(ApiRequest)] as ApiRequest);
}

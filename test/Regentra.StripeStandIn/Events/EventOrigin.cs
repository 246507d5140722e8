namespace Regentra.StripeStandIn.Events;

/// <summary>An event's <c>request</c>: the API request that caused it, or none (a customer on the hosted page, a control call).</summary>
internal sealed record EventOrigin(string? RequestId, string? IdempotencyKey)
{
    public static readonly EventOrigin None = new(null, null);
}

namespace Regentra.StripeStandIn.Model;

/// <summary>
/// One HTTP POST of an event: to an endpoint (automatic, redelivery, deliver-signed) or to any URL (deliver-to).
/// StatusCode is null when no response came (refused, timed out); ResponseBody holds its first 500 characters.
/// </summary>
internal sealed record DeliveryAttempt(
    string EventId,
    string? EndpointId,
    string Url,
    string Kind,
    int Attempt,
    DateTimeOffset At,
    int? StatusCode,
    string? Error,
    long DurationMs,
    string? ResponseBody)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

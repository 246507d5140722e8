using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Wire;

/// <summary>One /v1 request as received, for tests that assert what the product sent. Status 0 = connection dropped.</summary>
internal sealed class RecordedRequest
{
    public required string RequestId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? Query { get; init; }

    public string? AccountId { get; set; }

    public string? KeyType { get; set; }

    public JsonNode? Params { get; set; }

    public string? IdempotencyKey { get; init; }

    public string? StripeVersion { get; init; }

    public int Status { get; set; }

    public bool IdempotentReplayed { get; set; }

    public string? Fault { get; set; }

    public string? ErrorCode { get; set; }
}

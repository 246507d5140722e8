namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// "Fail the next <see cref="Times"/> requests to <see cref="Path"/> with <see cref="Status"/>" (0 drops the connection).
/// A path ending in * matches by prefix. <see cref="After"/> lets the request run first (the object is created and the
/// idempotent result saved), then loses the answer: what a timeout after Stripe did the work looks like.
/// </summary>
internal sealed class InjectedFault
{
    public required string Path { get; init; }

    public string? Method { get; init; }

    public required int Status { get; init; }

    public required int Times { get; set; }

    public bool After { get; init; }

    public bool Matches(string method, string path, bool after) =>
        After == after
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path.EndsWith('*') ? path.StartsWith(Path[..^1], StringComparison.Ordinal) : string.Equals(Path, path, StringComparison.Ordinal));
}

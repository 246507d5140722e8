using System.Collections.Concurrent;

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// Stripe's idempotency: per account and key, the first successful result is saved and replayed; a retry with other
/// parameters is refused. Requests with the same key run one at a time, so concurrent retries wait and get the replay.
/// Like Stripe, a request that failed validation saves nothing and may be retried with corrected parameters.
/// </summary>
internal sealed class IdempotencyCache
{
    private readonly ConcurrentDictionary<(string Account, string Key), SemaphoreSlim> gates = new();
    private readonly ConcurrentDictionary<(string Account, string Key), SavedResponse> saved = new();

    /// <summary>Runs <paramref name="execute"/> (which writes its answer into <paramref name="buffer"/>) or replays the saved answer.</summary>
    /// <returns>True when the answer was replayed.</returns>
    public async Task<bool> RunAsync(
        string accountId, string key, string fingerprint, string requestId, HttpContext context, MemoryStream buffer, Func<Task> execute)
    {
        var id = (accountId, key);
        var gate = gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            if (saved.TryGetValue(id, out var previous))
            {
                if (previous.Fingerprint != fingerprint)
                {
                    throw new StripeApiException(400, "idempotency_error",
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
                }

                context.Response.StatusCode = previous.Status;
                context.Response.ContentType = "application/json";
                context.Response.Headers["Idempotent-Replayed"] = "true";
                context.Response.Headers["Original-Request"] = previous.RequestId;
                await buffer.WriteAsync(previous.Body, context.RequestAborted);
                return true;
            }

            await execute();
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                saved[id] = new SavedResponse(fingerprint, context.Response.StatusCode, buffer.ToArray(), requestId);
            }

            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Clear() => saved.Clear();
}

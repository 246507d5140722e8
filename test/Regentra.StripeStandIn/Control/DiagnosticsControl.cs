using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary>What the product sent (the request journal), faults to arm, and a reset to the seeded state.</summary>
internal static class DiagnosticsControl
{
    public sealed record FaultRequest(string? Path, int Status = 500, int Times = 1, string? Method = null, bool After = false);

    public sealed record FaultArmed(string Path, string? Method, int Status, int Times, bool After);

    public sealed record ResetAnswer(bool Reset);

    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/requests", (string? account, string? path, RequestJournal journal) =>
            TypedResults.Ok(journal.List(account).Where(r => path is null || r.Path == path).ToList()));

        control.MapPost("/faults", (FaultRequest request, FaultInjector faults) =>
        {
            if (string.IsNullOrWhiteSpace(request.Path) || !request.Path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                throw StripeApiException.BadRequest("path must be an API path such as /v1/checkout/sessions (end it with * to match a prefix).", "path");
            }

            if (request.Status != 0 && request.Status is < 400 or > 599)
            {
                throw StripeApiException.BadRequest("status must be 0 (drop the connection) or an HTTP error status (400-599).", "status");
            }

            if (request.Times < 1)
            {
                throw StripeApiException.BadRequest("times must be at least 1.", "times");
            }

            faults.Arm(new InjectedFault { Path = request.Path, Method = request.Method, Status = request.Status, Times = request.Times, After = request.After });
            return TypedResults.Ok(new FaultArmed(request.Path, request.Method, request.Status, request.Times, request.After));
        });

        control.MapPost("/reset", (StandInStore store, DeliveryQueue queue, RequestJournal journal, IdempotencyCache idempotency, FaultInjector faults) =>
        {
            queue.Reset();
            store.Reset();
            journal.Clear();
            idempotency.Clear();
            faults.Clear();
            return TypedResults.Ok(new ResetAnswer(true));
        });
    }
}

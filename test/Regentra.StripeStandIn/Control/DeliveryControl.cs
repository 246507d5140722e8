using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary>Hold webhook deliveries, release them as they came or reversed, and wait until everything has been sent.</summary>
internal static class DeliveryControl
{
    public sealed record HoldRequest(bool Hold);

    public sealed record ReleaseRequest(string? Order);

    public sealed record DeliveryState(bool Hold, int Held, int Released);

    public sealed record IdleAnswer(bool Idle);

    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/delivery", (DeliveryQueue queue) => TypedResults.Ok(new DeliveryState(queue.Holding, queue.HeldCount, 0)));

        control.MapPost("/delivery", (HoldRequest request, DeliveryQueue queue) =>
        {
            var released = queue.Hold(request.Hold);
            return TypedResults.Ok(new DeliveryState(queue.Holding, queue.HeldCount, released));
        });

        control.MapPost("/delivery/release", (ReleaseRequest? request, DeliveryQueue queue) =>
        {
            var reverse = (request?.Order ?? "asis") switch
            {
                "asis" => false,
                "reverse" => true,
                var other => throw StripeApiException.BadRequest($"Unknown order '{other}': use asis or reverse.", "order"),
            };
            var released = queue.Release(reverse);
            return TypedResults.Ok(new DeliveryState(queue.Holding, queue.HeldCount, released));
        });

        control.MapGet("/wait-idle", async (double? timeout, DeliveryQueue queue, CancellationToken cancellationToken) =>
        {
            var idle = await queue.WaitIdleAsync(TimeSpan.FromSeconds(Math.Clamp(timeout ?? 10, 0, 300)), cancellationToken);
            return idle ? Results.Ok(new IdleAnswer(true)) : Results.Json(new IdleAnswer(false), statusCode: StatusCodes.Status408RequestTimeout);
        });
    }
}

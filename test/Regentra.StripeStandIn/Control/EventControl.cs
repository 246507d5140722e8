using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary>Events with their delivery attempts, and deliveries on demand: again, to any URL, or with a bad signature.</summary>
internal static class EventControl
{
    public sealed record RedeliverRequest(int Times = 1, bool Concurrently = false, string? EndpointId = null);

    public sealed record DeliverToRequest(string? Url, string? Secret);

    public sealed record DeliverSignedRequest(long TimestampOffsetSeconds = 0, bool Tamper = false, string? EndpointId = null);

    public sealed record EndpointSummary(string Id, string Url);

    public sealed record EventRecord(
        string Id, string Type, string AccountId, long Created, List<EndpointSummary> Endpoints, List<DeliveryAttempt> Attempts, JsonObject Event);

    public sealed record AttemptsAnswer(List<DeliveryAttempt> Attempts);

    public sealed record StatusAnswer(int? Status, string? Error, DeliveryAttempt? Attempt);

    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/events", (string? account, string? type, StandInStore store) =>
        {
            lock (store.Sync)
            {
                var events = store.All<StripeEvent>().Where(e => (account is null || e.Account.Id == account) && (type is null || e.Type == type));
                return TypedResults.Ok(events.Reverse().Select(e => new EventRecord(
                    e.Id, e.Type, e.Account.Id, e.Created, e.Endpoints.Select(x => new EndpointSummary(x.Id, x.Url)).ToList(), [.. e.Attempts], e.ToJson())).ToList());
            }
        });

        control.MapPost("/events/{id}/redeliver", async (string id, RedeliverRequest? request, StandInStore store, WebhookDispatcher dispatcher, CancellationToken cancellationToken) =>
        {
            var times = request?.Times ?? 1;
            if (times is < 1 or > 100)
            {
                throw StripeApiException.BadRequest("times must be between 1 and 100.", "times");
            }

            var stripeEvent = Find(store, id);
            var endpoints = stripeEvent.Endpoints.Where(e => request?.EndpointId is null || e.Id == request.EndpointId).ToList();
            if (endpoints.Count == 0)
            {
                throw StripeApiException.BadRequest($"Event {id} went to no such endpoint; it has {stripeEvent.Endpoints.Count} endpoint(s).", "endpointId");
            }

            var attempts = await dispatcher.RedeliverAsync(stripeEvent, endpoints, times, request?.Concurrently ?? false, cancellationToken);
            return TypedResults.Ok(new AttemptsAnswer(attempts));
        });

        control.MapPost("/events/{id}/deliver-to", async (string id, DeliverToRequest request, StandInStore store, WebhookDispatcher dispatcher, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.Url) || string.IsNullOrEmpty(request.Secret))
            {
                throw StripeApiException.BadRequest("Give the url to deliver to and the secret to sign with.", "url");
            }

            var attempt = await dispatcher.DeliverToAsync(Find(store, id), request.Url, request.Secret, cancellationToken);
            return ReceiverStatus(attempt);
        });

        control.MapPost("/events/{id}/deliver-signed", async (string id, DeliverSignedRequest? request, StandInStore store, WebhookDispatcher dispatcher, CancellationToken cancellationToken) =>
        {
            request ??= new DeliverSignedRequest();
            var stripeEvent = Find(store, id);
            var endpoint = (request.EndpointId is null ? stripeEvent.Endpoints.FirstOrDefault() : stripeEvent.Endpoints.FirstOrDefault(e => e.Id == request.EndpointId))
                ?? throw StripeApiException.BadRequest($"Event {id} went to no such endpoint; it has {stripeEvent.Endpoints.Count} endpoint(s).", "endpointId");
            var attempt = await dispatcher.DeliverSignedAsync(stripeEvent, endpoint, request.TimestampOffsetSeconds, request.Tamper, cancellationToken)
                ?? throw StripeApiException.BadRequest($"Endpoint {endpoint.Id} has been deleted or disabled.", "endpointId");
            return ReceiverStatus(attempt);
        });
    }

    /// <summary>Answers with the receiver's own status (502 when it gave none), and the attempt as the body.</summary>
    private static IResult ReceiverStatus(DeliveryAttempt attempt) =>
        Results.Json(new StatusAnswer(attempt.StatusCode, attempt.Error, attempt), statusCode: attempt.StatusCode ?? StatusCodes.Status502BadGateway);

    private static StripeEvent Find(StandInStore store, string id) => store.FindAny<StripeEvent>(id) ?? throw StripeApiException.NoSuch("event", id);
}

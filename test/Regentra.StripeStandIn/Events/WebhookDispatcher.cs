using Microsoft.Extensions.Options;
using Regentra.StripeStandIn.Hosting;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;

namespace Regentra.StripeStandIn.Events;

/// <summary>
/// Sends events: automatic deliveries with retries, and the control API's redeliveries, deliveries to any URL and
/// deliberately bad signatures. Every body is signed when it is sent, with the current time.
/// </summary>
internal sealed partial class WebhookDispatcher(
    StandInStore store, DeliveryQueue queue, WebhookSender sender, TimeProvider clock, IOptions<StandInOptions> options, ILogger<WebhookDispatcher> logger)
{
    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value.Delivery;
        for (var attempt = 1; attempt <= Math.Max(1, settings.Attempts); attempt++)
        {
            if (delivery.Generation != queue.Generation)
            {
                return;
            }

            var result = await SendToEndpointAsync(delivery.Event, delivery.Endpoint, "automatic", attempt, 0, tamper: false, cancellationToken);
            if (result is null || result.Succeeded)
            {
                return;
            }

            if (attempt < settings.Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds * attempt), clock, cancellationToken);
            }
        }
    }

    /// <summary>The same event (same id, same body) to these of its endpoints again, <paramref name="times"/> times each, one by one or all at once.</summary>
    public async Task<List<DeliveryAttempt>> RedeliverAsync(
        StripeEvent stripeEvent, IReadOnlyList<WebhookEndpoint> endpoints, int times, bool concurrently, CancellationToken cancellationToken)
    {
        using var tracked = queue.Track();
        var sends = Enumerable.Range(1, times).SelectMany(_ => endpoints).ToList();
        var attempts = new List<DeliveryAttempt?>();
        if (concurrently)
        {
            attempts.AddRange(await Task.WhenAll(sends.Select(endpoint =>
                SendToEndpointAsync(stripeEvent, endpoint, "redelivery", 1, 0, tamper: false, cancellationToken))));
        }
        else
        {
            foreach (var endpoint in sends)
            {
                attempts.Add(await SendToEndpointAsync(stripeEvent, endpoint, "redelivery", 1, 0, tamper: false, cancellationToken));
            }
        }

        return attempts.OfType<DeliveryAttempt>().ToList();
    }

    /// <summary>The event's body to any URL, signed with any secret (another organisation's, a wrong one).</summary>
    public async Task<DeliveryAttempt> DeliverToAsync(StripeEvent stripeEvent, string url, string secret, CancellationToken cancellationToken)
    {
        using var tracked = queue.Track();
        string body;
        lock (store.Sync)
        {
            body = stripeEvent.Body(stripeEvent.Endpoints.FirstOrDefault()?.EffectiveApiVersion ?? stripeEvent.Account.ApiVersion);
        }

        var signature = WebhookSigner.Header(body, secret, clock.GetUtcNow().ToUnixTimeSeconds());
        var attempt = await sender.SendAsync(stripeEvent.Id, null, url, body, signature, "deliver-to", 1, cancellationToken);
        Record(stripeEvent, attempt);
        return attempt;
    }

    /// <summary>The event to its endpoint with a timestamp moved by <paramref name="offsetSeconds"/>, or a body changed after signing.</summary>
    public async Task<DeliveryAttempt?> DeliverSignedAsync(
        StripeEvent stripeEvent, WebhookEndpoint endpoint, long offsetSeconds, bool tamper, CancellationToken cancellationToken)
    {
        using var tracked = queue.Track();
        return await SendToEndpointAsync(stripeEvent, endpoint, tamper ? "tampered" : "signed-with-offset", 1, offsetSeconds, tamper, cancellationToken);
    }

    private async Task<DeliveryAttempt?> SendToEndpointAsync(
        StripeEvent stripeEvent, WebhookEndpoint endpoint, string kind, int attempt, long offsetSeconds, bool tamper, CancellationToken cancellationToken)
    {
        string body;
        string url;
        string secret;
        lock (store.Sync)
        {
            if (endpoint.Deleted || endpoint.Disabled)
            {
                return null;
            }

            body = stripeEvent.Body(endpoint.EffectiveApiVersion);
            url = endpoint.Url;
            secret = endpoint.Secret;
        }

        var signature = WebhookSigner.Header(body, secret, clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds);
        var sent = tamper ? body.Insert(1, " ") : body;
        var result = await sender.SendAsync(stripeEvent.Id, endpoint.Id, url, sent, signature, kind, attempt, cancellationToken);
        Record(stripeEvent, result);
        return result;
    }

    private void Record(StripeEvent stripeEvent, DeliveryAttempt attempt)
    {
        lock (store.Sync)
        {
            stripeEvent.Attempts.Add(attempt);
        }

        if (attempt.Succeeded)
        {
            LogDelivered(logger, stripeEvent.Type, stripeEvent.Id, attempt.Url, attempt.StatusCode!.Value, attempt.DurationMs, attempt.Kind);
        }
        else
        {
            LogFailed(logger, stripeEvent.Type, stripeEvent.Id, attempt.Url, attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? attempt.Error ?? "no answer", attempt.Attempt, attempt.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} {EventId} → {Url}: {Status} in {DurationMs} ms ({Kind})")]
    private static partial void LogDelivered(ILogger logger, string type, string eventId, string url, int status, long durationMs, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Type} {EventId} → {Url} failed: {Problem} (attempt {Attempt}, {Kind})")]
    private static partial void LogFailed(ILogger logger, string type, string eventId, string url, string problem, int attempt, string kind);
}

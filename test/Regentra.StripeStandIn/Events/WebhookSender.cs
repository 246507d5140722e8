using System.Text;
using Microsoft.Extensions.Options;
using Regentra.StripeStandIn.Hosting;
using Regentra.StripeStandIn.Model;

namespace Regentra.StripeStandIn.Events;

/// <summary>One signed HTTP POST of an event body, as Stripe sends it; never throws for the receiver's failures.</summary>
internal sealed class WebhookSender(IHttpClientFactory httpClients, TimeProvider clock, IOptions<StandInOptions> options)
{
    public const string HttpClientName = "webhooks";
    private const int KeptResponseCharacters = 500;

    public async Task<DeliveryAttempt> SendAsync(
        string eventId, string? endpointId, string url, string body, string signature, string kind, int attempt, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(options.Value.Delivery.TimeoutSeconds);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        DeliveryAttempt Attempt(int? status, string? error, string? responseBody) =>
            new(eventId, endpointId, url, kind, attempt, at, status, error, (long)clock.GetElapsedTime(started).TotalMilliseconds, responseBody);

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, timeoutSource.Token);
            var text = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            return Attempt((int)response.StatusCode, null, text.Length > KeptResponseCharacters ? text[..KeptResponseCharacters] : text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt(null, $"Timed out after {timeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException exception)
        {
            return Attempt(null, exception.Message, null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException or ArgumentException)
        {
            return Attempt(null, "Invalid URL: " + exception.Message, null);
        }
    }
}

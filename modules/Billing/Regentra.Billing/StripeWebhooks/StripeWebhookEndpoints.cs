using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Regentra.Billing.StripeWebhooks;

/// <summary>POST /api/public/stripe/webhooks/{token}: where each organisation's Stripe account delivers its events.</summary>
internal static class StripeWebhookEndpoints
{
    /// <summary>Stripe's events are small; a body beyond this is not one.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/public/stripe/webhooks/{token}", ReceiveAsync).AllowAnonymous().WithTags("Public").DisableAntiforgery()
            .WithSummary("Stripe event delivery for one organisation (the token in the path). Verified with the organisation's signing secret; each event is processed once.");

    public sealed record WebhookResponse(bool Received, string Outcome);

    private static async Task<Ok<WebhookResponse>> ReceiveAsync(string token, HttpRequest request, StripeWebhookReceiver receiver, CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes Stripe sent, so the body is read raw, never through a JSON binder.
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException("The body is too large for a Stripe event.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await receiver.ReceiveAsync(token, body, request.Headers["Stripe-Signature"].FirstOrDefault(), cancellationToken);
        return TypedResults.Ok(new WebhookResponse(true, outcome));
    }
}

using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Payments;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Checkout;

/// <summary>
/// <c>GET /checkout/{id}</c> shows the session; its buttons POST back: Pay (card), Pay later (bank debit), Decline, Cancel.
/// Paying redirects (303) to success_url, cancelling to cancel_url; a decline shows the page again with the bank's message.
/// </summary>
internal static class CheckoutPage
{
    public static void MapCheckoutPage(this WebApplication app)
    {
        app.MapGet("/checkout/{id}", (string id, StandInStore store, SessionExpiry expiry) =>
        {
            lock (store.Sync)
            {
                if (store.FindAny<CheckoutSession>(id) is not { } session)
                {
                    return Results.Content(CheckoutPageHtml.NotFound(id), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
                }

                expiry.ExpireIfDue(session);
                var attempt = session.AttemptIntentId is null ? null : store.FindAny<PaymentIntent>(session.AttemptIntentId);
                return Results.Content(CheckoutPageHtml.Page(session, attempt), "text/html; charset=utf-8");
            }
        });

        app.MapPost("/checkout/{id}", async (string id, HttpRequest request, StandInStore store, PaymentSimulator payments) =>
        {
            var form = await request.ReadFormAsync();
            var action = form["action"].ToString();
            if (store.FindAny<CheckoutSession>(id) is not { } session)
            {
                return Results.Content(CheckoutPageHtml.NotFound(id), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var page = $"/checkout/{Uri.EscapeDataString(id)}";
            if (action == "cancel")
            {
                return SeeOther(session.CancelUrl ?? page);
            }

            if (session.Status != CheckoutSession.Open)
            {
                return SeeOther(session.Status == CheckoutSession.Complete ? session.SuccessRedirect ?? page : page);
            }

            var method = action switch
            {
                "card" => PaymentMethod.Card,
                "async" => PaymentMethod.Async,
                "decline" => PaymentMethod.Decline,
                _ => (PaymentMethod?)null,
            };
            if (method is null)
            {
                return Results.BadRequest("Choose Pay, Pay later (bank debit), Decline or Cancel.");
            }

            try
            {
                payments.Pay(session, method.Value);
            }
            catch (StripeApiException)
            {
                return SeeOther(page);
            }

            return SeeOther(method == PaymentMethod.Decline ? page : session.SuccessRedirect ?? page);
        }).DisableAntiforgery();

        app.MapGet("/receipts/{id}", (string id, StandInStore store) =>
        {
            lock (store.Sync)
            {
                return store.FindAny<Charge>(id) is { } charge
                    ? Results.Content(CheckoutPageHtml.Receipt(charge), "text/html; charset=utf-8")
                    : Results.NotFound();
            }
        });
    }

    private static SeeOtherResult SeeOther(string location) => new(location);

    /// <summary>303 See Other: after a form POST the browser follows with a GET, as after Stripe's hosted page.</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}

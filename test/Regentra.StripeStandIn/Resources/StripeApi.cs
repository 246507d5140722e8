using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary>Maps the emulated part of Stripe's API under /v1, behind <see cref="StripeApiMiddleware"/>.</summary>
internal static class StripeApi
{
    public static void MapStripeApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/v1"), branch => branch.UseMiddleware<StripeApiMiddleware>());
        var v1 = app.MapGroup("/v1");
        AccountEndpoints.Map(v1);
        WebhookEndpointEndpoints.Map(v1);
        CheckoutSessionEndpoints.Map(v1);
        PaymentIntentEndpoints.Map(v1);
        ChargeEndpoints.Map(v1);
        RefundEndpoints.Map(v1);
        EventEndpoints.Map(v1);
    }
}

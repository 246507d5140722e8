using Microsoft.Extensions.DependencyInjection.Extensions;
using Regentra.StripeStandIn.Checkout;
using Regentra.StripeStandIn.Control;
using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Payments;
using Regentra.StripeStandIn.Resources;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Hosting;

/// <summary>Composes the stand-in: state, the /v1 API, the hosted checkout page, webhook delivery and the control API.</summary>
internal static class StandInApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(StandInEntryPoint.DefaultUrl);
        }

        var services = builder.Services;
        services.Configure<StandInOptions>(builder.Configuration.GetSection(StandInOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StandInStore>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<RequestJournal>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<IdempotencyCache>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<SessionExpiry>();
        services.AddSingleton<PaymentSimulator>();
        services.AddSingleton<RefundIssuer>();
        services.AddSingleton<CheckoutSessionFactory>();
        services.AddHttpClient(WebhookSender.HttpClientName);
        services.AddHostedService<WebhookDeliveryService>();
        services.AddHostedService<SessionExpiryService>();

        var app = builder.Build();
        app.MapGet("/", (StandInStore store, PublicUrls urls) => Results.Text(StartupBanner.Summary(store, urls.Base)));
        app.MapStripeApi();
        app.MapCheckoutPage();
        app.MapControlApi();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}

using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regentra.Billing.Agreements;
using Regentra.Billing.Checkout;
using Regentra.Billing.Contracts;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Billing.Payments;
using Regentra.Billing.Runs;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeApi;
using Regentra.Billing.StripeWebhooks;
using Regentra.Framework;

namespace Regentra.Billing;

/// <summary>The Billing module: service agreements, invoices (preview, generate, send, void, payments, PDF, CSV) and month-end runs.</summary>
public static class BillingModule
{
    public static IServiceCollection AddBillingModule<TDbContext>(this IServiceCollection services, IConfiguration configuration)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!typeof(IBillingDbContext).IsAssignableFrom(typeof(TDbContext)))
        {
            throw new InvalidOperationException($"{typeof(TDbContext).Name} must implement the Billing module's DbContext interface.");
        }

        services.Configure<BillingOptions>(configuration.GetSection(BillingOptions.Section));
        services.AddScoped(sp => (IBillingDbContext)sp.GetRequiredService<TDbContext>());
        services.AddPermissionDefinitions<BillingPermissionDefinitionProvider>();
        services.AddValidatorsFrom(typeof(BillingModule).Assembly);

        services.AddScoped<InvoicePlanner>();
        services.AddScoped<InvoiceGenerator>();
        services.AddScoped<InvoiceNumbers>();
        services.AddScoped<InvoiceReader>();
        services.AddScoped<InvoiceDocuments>();
        services.AddScoped<InvoiceSender>();
        services.AddScoped<Invoices.Emails.InvoiceEmailDelivery>();
        services.AddScoped<Invoices.Emails.InvoiceEmailDeliveryJob>();
        services.AddScoped<Invoices.Emails.InvoiceEmailOutbox>();
        services.AddSingleton<Invoices.Pdf.IInvoicePdfRenderer, Invoices.Pdf.InvoicePdfRenderer>();
        services.AddScoped<MonthEndRunner>();
        services.AddScoped<MonthEndJob>();
        services.AddScoped<MonthEndScheduler>();
        services.AddScoped<InvoicePayments>();
        services.AddScoped<ManualPayments>();
        services.AddScoped<Reports.InvoiceAging>();
        services.AddScoped<InvoiceVoider>();
        AddStripe(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapBillingModule(this IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/api/billing").WithTags("Billing");
        AgreementEndpoints.Map(billing);
        InvoiceEndpoints.Map(billing);
        RunEndpoints.Map(billing);
        StripeConnectionEndpoints.Map(billing);
        Reports.BillingReportEndpoints.Map(billing);
        PublicInvoiceEndpoints.Map(app);
        StripeWebhookEndpoints.Map(app);
        return app;
    }

    // One StripeClient for the process (its ApiBase is Stripe:ApiBase); each call carries the organisation's own key.
    private static void AddStripe(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            };
            return new Stripe.StripeClient(new Stripe.StripeClientOptions
            {
                ApiBase = options.ApiBase.TrimEnd('/'),
                HttpClient = new Stripe.SystemNetHttpClient(http, options.MaxNetworkRetries),
            });
        });
        services.AddScoped<StripeGateway>();
        services.AddScoped<StripeSecrets>();
        services.AddScoped<StripeConnector>();
        services.AddScoped<CheckoutSessions>();
        services.AddScoped<CheckoutStarter>();
        services.AddScoped<PublicInvoices>();
        services.AddScoped<StripeEventProcessor>();
        services.AddScoped<StripeWebhookReceiver>();
    }

    /// <summary>Start-up: the hourly scheduler that starts month-end runs and marks invoices overdue, and the invoice email outbox.</summary>
    public static Task SeedBillingModuleAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value;
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<MonthEndScheduler>(MonthEndScheduler.RecurringJobId, scheduler => scheduler.RunAsync(CancellationToken.None), options.SchedulerCron);
        recurring.AddOrUpdate<Invoices.Emails.InvoiceEmailOutbox>(
            Invoices.Emails.InvoiceEmailOutbox.RecurringJobId, outbox => outbox.RunAsync(CancellationToken.None), options.EmailOutboxCron);
        return Task.CompletedTask;
    }
}

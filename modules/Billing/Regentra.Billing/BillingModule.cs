using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework;
using Regentra.Billing.Contracts;
using Regentra.Billing.Data;

namespace Regentra.Billing;

/// <summary>The Billing module's registration entry point.</summary>
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

        services.AddScoped(sp => (IBillingDbContext)sp.GetRequiredService<TDbContext>());
        services.AddPermissionDefinitions<BillingPermissionDefinitionProvider>();
        services.AddValidatorsFrom(typeof(BillingModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapBillingModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/billing").WithTags("Billing");
        return app;
    }
}

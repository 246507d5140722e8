using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework;
using Regentra.Psa.Contracts;
using Regentra.Psa.Data;

namespace Regentra.Psa;

/// <summary>The Psa module's registration entry point.</summary>
public static class PsaModule
{
    public static IServiceCollection AddPsaModule<TDbContext>(this IServiceCollection services, IConfiguration configuration)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!typeof(IPsaDbContext).IsAssignableFrom(typeof(TDbContext)))
        {
            throw new InvalidOperationException($"{typeof(TDbContext).Name} must implement the Psa module's DbContext interface.");
        }

        services.AddScoped(sp => (IPsaDbContext)sp.GetRequiredService<TDbContext>());
        services.AddPermissionDefinitions<PsaPermissionDefinitionProvider>();
        services.AddValidatorsFrom(typeof(PsaModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapPsaModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/psa").WithTags("Psa");
        return app;
    }
}

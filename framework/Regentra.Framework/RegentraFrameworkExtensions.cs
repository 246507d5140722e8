using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Caching;
using Regentra.Framework.Data;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Framework.Users;
using Regentra.Framework.Validation;

namespace Regentra.Framework;

public static class RegentraFrameworkExtensions
{
    /// <summary>Registers the framework services every module relies on. Call before any module.</summary>
    public static IServiceCollection AddRegentraFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<ICurrentUser, CurrentUser>();
        services.AddSingleton<IPublicUrl, PublicUrl>();
        services.AddSingleton<RegentraSaveChangesInterceptor>();
        services.AddSingleton<MultiRowInsertInterceptor>();

        services.AddSingleton<PermissionDefinitionManager>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsExceptionHandler.AddMissingCode);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddTransient(typeof(TenantJobRunner<,>));

        // One host: signals apply here. The host swaps in the shared path when several hosts share PostgreSQL.
        services.TryAddSingleton<InProcessCacheSignals>();
        services.TryAddSingleton<ICacheSignals>(sp => sp.GetRequiredService<InProcessCacheSignals>());

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender>(CreateEmailSender);
        return services;
    }

    public static IServiceCollection AddPermissionDefinitions<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionDefinitionProvider =>
        services.AddSingleton<IPermissionDefinitionProvider, TProvider>();

    /// <summary>Registers every <see cref="IValidator{T}"/> implementation found in <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }

    /// <summary>Enters the authenticated user's tenant for the rest of the pipeline. Place right after authentication.</summary>
    public static IApplicationBuilder UseRegentraMultiTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    private static IEmailSender CreateEmailSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmailOptions>>();
        if (!string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            return new SmtpEmailSender(options, services.GetRequiredService<ILogger<SmtpEmailSender>>());
        }

        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new PickupDirectoryEmailSender(options, Path.Combine(root, options.Value.PickupDirectory),
            services.GetRequiredService<ILogger<PickupDirectoryEmailSender>>());
    }
}

using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regentra.Framework.Caching;
using Regentra.Framework.RateLimiting;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Framework;
using Regentra.Saas.Account;
using Regentra.Saas.AppConfig;
using Regentra.Saas.Caching;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Saas.Contracts.Users;
using Regentra.Saas.Contracts;
using Regentra.Saas.Data;
using Regentra.Saas.HostAdmin;
using Regentra.Saas.Identity;
using Regentra.Saas.Invitations;
using Regentra.Saas.PasswordReset;
using Regentra.Saas.Roles;
using Regentra.Saas.Settings;
using Regentra.Saas.Signup;
using Regentra.Saas.Tenants;
using Regentra.Saas.Users;

namespace Regentra.Saas;

/// <summary>
/// The Saas module (ABP's Identity + TenantManagement + PermissionManagement): tenants and signup,
/// sign-in, team and invitations, roles and permission grants, organisation settings.
/// </summary>
public static class SaasModule
{
    /// <summary>Rate-limit policy for anonymous endpoints that check passwords or create accounts.</summary>
    public const string AnonymousRateLimit = RateLimits.Anonymous;

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads the "Saas" section (see SaasOptions).</param>
    /// <typeparam name="TDbContext">The host's unified DbContext; it must implement the module's DbContext interface.</typeparam>
    public static IServiceCollection AddSaasModule<TDbContext>(this IServiceCollection services, IConfiguration configuration)
        where TDbContext : DbContext
    {
        if (!typeof(ISaasDbContext).IsAssignableFrom(typeof(TDbContext)))
        {
            throw new InvalidOperationException($"{typeof(TDbContext).Name} must implement the Saas module's DbContext interface.");
        }

        services.Configure<SaasOptions>(configuration.GetSection(SaasOptions.Section));
        services.AddScoped(sp => (ISaasDbContext)sp.GetRequiredService<TDbContext>());
        services.AddPermissionDefinitions<SaasPermissionDefinitionProvider>();
        services.AddValidatorsFrom(typeof(SaasModule).Assembly);
        services.AddSaasAuthentication<TDbContext>();
        services.AddMemoryCache();

        services.AddSingleton<PasswordRules>();
        services.AddSingleton<UserAccessGenerations>();
        services.AddSingleton<ICacheSignalHandler, SaasCacheSignalHandler>();
        services.AddScoped<UserAccessCache>();
        services.AddScoped<IPermissionStore>(sp => sp.GetRequiredService<UserAccessCache>());
        services.AddScoped<TenantStore>();
        services.AddScoped<ITenantStore>(sp => sp.GetRequiredService<TenantStore>());
        services.AddScoped<TenantSettingsProvider>();
        services.AddScoped<ITenantSettingsProvider>(sp => sp.GetRequiredService<TenantSettingsProvider>());
        services.AddScoped<Branding.TenantBranding>();
        services.AddScoped<ITenantBranding>(sp => sp.GetRequiredService<Branding.TenantBranding>());

        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        services.AddScoped<SessionCleanupJob>();
        services.AddScoped<CredentialChecker>();
        services.AddScoped<AppConfigBuilder>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<TenantProvisioner>();
        services.AddScoped<TeamService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<ITenantDirectory, TenantDirectory>();
        services.AddScoped<ITenantClock, TenantClock>();
        services.AddScoped<InvitationService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<HostAdminProvisioner>();

        services.AddRateLimiter(o => o.AddPolicy(AnonymousRateLimit, PerClientAddress));
        return services;
    }

    /// <summary>
    /// Signs out the web sessions of suspended organisations (their cookie would otherwise fail every request). Place after
    /// authentication, before multi-tenancy.
    /// </summary>
    public static IApplicationBuilder UseSaasSuspendedTenantSignOut(this IApplicationBuilder app) =>
        app.UseMiddleware<SuspendedTenantSignOutMiddleware>();

    /// <summary>Session checks and antiforgery. Place after authentication and multi-tenancy, before authorization.</summary>
    public static IApplicationBuilder UseSaasModule(this IApplicationBuilder app) =>
        app.UseMiddleware<SessionValidationMiddleware>().UseMiddleware<AntiforgeryMiddleware>();

    public static IEndpointRouteBuilder MapSaasModule(this IEndpointRouteBuilder app)
    {
        AccountEndpoints.Map(app);
        PasswordResetEndpoints.Map(app);
        AppConfigEndpoint.Map(app);

        var saas = app.MapGroup("/api/saas").WithTags("Saas");
        SignupEndpoint.Map(saas);
        UserEndpoints.Map(saas);
        InvitationEndpoints.Map(saas);
        RoleEndpoints.Map(saas);
        SettingsEndpoints.Map(saas);
        Branding.LogoEndpoints.Map(saas);
        TenantEndpoints.Map(saas);
        return app;
    }

    /// <summary>
    /// Start-up data: default grants of permissions new since the last start, the HostAdmin role with every
    /// host permission, and the configured host administrator if any.
    /// </summary>
    public static async Task SeedSaasModuleAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedNewPermissionsAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<HostAdminProvisioner>()
            .EnsureConfiguredAsync(configuration["HostAdmin:Email"], configuration["HostAdmin:Password"], cancellationToken);
        scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<SessionCleanupJob>(SessionCleanupJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
    }

    /// <summary>The create-host-admin command: adds a host administrator with the given credentials.</summary>
    public static async Task CreateHostAdminAsync(this IServiceProvider services, string email, string password, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HostAdminProvisioner>().CreateAsync(email, password, cancellationToken);
    }

    // Per client address (the proxy's X-Forwarded-For when Http:TrustForwardedHeaders is on). Counted in the database
    // when several hosts share one (the host registers ISharedRateLimitCounter), in memory on a single host.
    private static RateLimitPartition<string> PerClientAddress(HttpContext context)
    {
        var services = context.RequestServices;
        var limit = services.GetRequiredService<IOptions<SaasOptions>>().Value.AnonymousRequestsPerMinute;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var window = TimeSpan.FromMinutes(1);
        if (services.GetService<ISharedRateLimitCounter>() is { } shared)
        {
            var clock = services.GetRequiredService<TimeProvider>();
            return RateLimitPartition.Get($"{AnonymousRateLimit}:{address}",
                key => new SharedFixedWindowRateLimiter(shared, key, limit, window, clock));
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
    }
}

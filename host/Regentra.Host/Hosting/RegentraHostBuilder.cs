using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing;
using Regentra.Framework;
using Regentra.Framework.Errors;
using Regentra.Host.Data;
using Regentra.Psa;
using Regentra.Saas;
using Scalar.AspNetCore;

namespace Regentra.Host.Hosting;

/// <summary>Composes framework and modules (in dependency order) and builds the HTTP pipeline.</summary>
internal static class RegentraHostBuilder
{
    public static void AddRegentraHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var database = builder.AddRegentraDatabase();
        services.AddRegentraFramework(configuration);
        services.AddSaasModule<RegentraDbContext>(configuration);
        services.AddPsaModule<RegentraDbContext>(configuration);
        services.AddBillingModule<RegentraDbContext>(configuration);

        AddDataProtection(builder);
        builder.AddRegentraBackgroundJobs(database);

        services.AddAuthorization();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteTooManyRequestsAsync;
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Regentra API";
            document.Info.Description = "PSA and billing for MSPs. Authenticate with POST /api/account/token and send 'Authorization: Bearer {accessToken}'.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/account/token (valid 60 minutes).",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
    }

    public static void UseRegentraPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Http:TrustForwardedHeaders"))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.UseRegentraSpa();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseSaasSuspendedTenantSignOut();
        app.UseRegentraMultiTenancy();
        app.UseSaasModule();
        app.UseAuthorization();

        app.MapSaasModule();
        app.MapPsaModule();
        app.MapBillingModule();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Regentra API")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRegentraJobDashboard();
    }

    /// <summary>Applies migrations (both providers carry their own) and seeds host data, one host at a time (StartupLock).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var startup = await StartupLock.AcquireAsync(options, app.Lifetime.ApplicationStopping);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegentraDbContext>();
            if (options.MigrateOnStartup)
            {
                await db.Database.MigrateAsync();
            }

            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging lets readers work while a writer commits; the setting sticks to the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        await app.Services.SeedSaasModuleAsync(app.Configuration);
        await app.Services.SeedBillingModuleAsync();
    }

    // The key ring lives in the database so every host shares it (cookies and bearer tokens work behind a
    // load balancer). With DataProtection:CertificatePath set, keys are encrypted at rest with that certificate.
    private static void AddDataProtection(WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Regentra").PersistKeysToDbContext<RegentraDbContext>();
        var certificatePath = builder.Configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, builder.Environment.ContentRootPath), builder.Configuration["DataProtection:CertificatePassword"]));
        }
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString();
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = ProblemDetailsExceptionHandler.Create(StatusCodes.Status429TooManyRequests, FrameworkErrorCodes.RateLimited,
                $"Too many attempts from your address. Try again in {retryAfter} seconds."),
        });
    }
}

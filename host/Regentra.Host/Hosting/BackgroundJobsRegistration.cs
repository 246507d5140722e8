using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Regentra.Framework.Permissions;
using Regentra.Host.Data;
using Regentra.Saas.Contracts;

namespace Regentra.Host.Hosting;

internal sealed class BackgroundJobsOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>Run a Hangfire server inside this host (true by default; a web-only node of a large deployment may turn it off).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Jobs run in parallel per host. On PostgreSQL the default is 2 per core (at least 4, at most 20): a month-end job
    /// writes in batches and keeps a core busy on each side, so more workers only add contention and memory (measured
    /// in docs/PERFORMANCE.md). SQLite takes one writer at a time, so it gets 2.
    /// </summary>
    public int? WorkerCount { get; set; }

    /// <summary>InMemory or PostgreSql. Defaults to PostgreSql when the database is PostgreSQL, so every host shares one queue.</summary>
    public string? Storage { get; set; }
}

internal static class BackgroundJobsRegistration
{
    public static void AddRegentraBackgroundJobs(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var options = builder.Configuration.GetSection(BackgroundJobsOptions.Section).Get<BackgroundJobsOptions>() ?? new BackgroundJobsOptions();
        var usePostgres = string.Equals(options.Storage ?? database.Provider.ToString(), nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase);

        // Each host builds its own storage and hands that instance to every Hangfire component through DI, instead of
        // relying on Hangfire's process-wide JobStorage.Current (which two hosts in one process would overwrite).
        // Created lazily: on PostgreSQL it installs its schema, which needs the migrated database.
        builder.Services.AddSingleton<JobStorage>(_ => usePostgres
            ? new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString!, PostgresOptions, null), PostgresOptions)
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));

        // Likewise the activator: Hangfire's default captures the process-wide JobActivator.Current, which would let a
        // server activate jobs from another host's container.
        builder.Services.AddSingleton<JobActivator>(services =>
            new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));

        // In memory is the embedded default: losing a queued job on restart is safe because every job is
        // idempotent and recurring work is re-planned at start-up.
        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ResilientHangfireLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>())))
            .UseStorage(services.GetRequiredService<JobStorage>()));

        if (options.RunServer)
        {
            builder.Services.AddHangfireServer(o => o.WorkerCount = options.WorkerCount
                ?? (usePostgres ? Math.Clamp(Environment.ProcessorCount * 2, 4, 20) : 2));
        }
    }

    private static readonly PostgreSqlStorageOptions PostgresOptions = new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,

        // LISTEN/NOTIFY wakes a worker as soon as a job is enqueued; polling stays as the fallback.
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),
    };

    public static void MapRegentraJobDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Regentra background jobs",
            Authorization = [],
            AsyncAuthorization = [new HostAdministratorsOnly()],
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());

    /// <summary>The dashboard shows every tenant's jobs, so only host operators with Saas.BackgroundJobs may open it.</summary>
    private sealed class HostAdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            return http.User.Identity?.IsAuthenticated == true
                && await http.RequestServices.GetRequiredService<IPermissionChecker>().IsGrantedAsync(http.User, SaasPermissions.BackgroundJobs);
        }
    }
}

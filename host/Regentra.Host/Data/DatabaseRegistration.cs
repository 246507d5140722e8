using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Caching;
using Regentra.Framework.Data;
using Regentra.Framework.RateLimiting;
using Regentra.Host.Caching;
using Regentra.Host.RateLimiting;

namespace Regentra.Host.Data;

internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in App_Data. Required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the host starts (on by default; turn off to migrate from a release pipeline).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException("Database:Provider is PostgreSql but Database:ConnectionString is empty. " +
                "Set it, e.g. Database__ConnectionString=\"Host=localhost;Database=regentra;Username=regentra;Password=...\".");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "regentra.db")}";
    }
}

internal static class DatabaseRegistration
{
    public static DatabaseOptions AddRegentraDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        options.ConnectionString = connectionString;
        builder.Services.AddSingleton(options);

        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContext<RegentraDbContext, PostgreSqlRegentraDbContext>((sp, o) => o
                .UseNpgsql(connectionString)
                .ConfigureWarnings(QuietExpectedFailures)
                .AddInterceptors(sp.GetRequiredService<RegentraSaveChangesInterceptor>(), sp.GetRequiredService<MultiRowInsertInterceptor>()));

            // Several hosts may share this database: cache changes reach the others through LISTEN/NOTIFY.
            // (PostgreSqlCacheSignals applies each signal here first through the framework's InProcessCacheSignals.)
            builder.Services.AddSingleton<PostgreSqlCacheSignals>();
            builder.Services.AddSingleton<ICacheSignals>(sp => sp.GetRequiredService<PostgreSqlCacheSignals>());
            builder.Services.AddHostedService<PostgreSqlCacheSignalRelay>();

            // ...and anonymous rate limits count in the database, so the configured limit holds across all of them.
            builder.Services.AddSingleton<ISharedRateLimitCounter, PostgreSqlRateLimitCounter>();
        }
        else
        {
            builder.Services.AddDbContext<RegentraDbContext, SqliteRegentraDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .ConfigureWarnings(QuietExpectedFailures)
                .AddInterceptors(sp.GetRequiredService<RegentraSaveChangesInterceptor>(), sp.GetRequiredService<MultiRowInsertInterceptor>()));
        }

        return options;
    }

    // EF logs every failed save and command at Error before the exception reaches our code, including the unique
    // violations we expect and handle (a second delivery of a Stripe event, two hosts seeding at once, a duplicate
    // run item). Every such exception still propagates: the code that catches it decides, and whatever nobody handles
    // is logged once, at Error, by the exception handler or the job runner. So EF's own copies go to Debug.
    private static void QuietExpectedFailures(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug));
}

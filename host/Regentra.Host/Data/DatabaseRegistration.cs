using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;

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
                .AddInterceptors(sp.GetRequiredService<RegentraSaveChangesInterceptor>(), sp.GetRequiredService<MultiRowInsertInterceptor>()));
        }
        else
        {
            builder.Services.AddDbContext<RegentraDbContext, SqliteRegentraDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<RegentraSaveChangesInterceptor>(), sp.GetRequiredService<MultiRowInsertInterceptor>()));
        }

        return options;
    }
}

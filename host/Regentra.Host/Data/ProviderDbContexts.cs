using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.TimeEntries;
using Regentra.Saas.Identity;

namespace Regentra.Host.Data;

/// <summary>SQLite flavour: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteRegentraDbContext(DbContextOptions<SqliteRegentraDbContext> options, ICurrentTenant currentTenant)
    : RegentraDbContext(options, currentTenant)
{
    // SQLite has no instant type: values come back with an unspecified kind. Everything stored is UTC; say so.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v, v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>PostgreSQL flavour: production and scale-out. Its migrations live in Data/Migrations/PostgreSql.</summary>
internal sealed class PostgreSqlRegentraDbContext(DbContextOptions<PostgreSqlRegentraDbContext> options, ICurrentTenant currentTenant)
    : RegentraDbContext(options, currentTenant)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The approval queue totals every Submitted entry per technician; carrying the summed columns in the status
        // index lets PostgreSQL answer from the index alone instead of visiting thousands of rows.
        builder.Entity<TimeEntry>()
            .HasIndex(e => new { e.TenantId, e.Status, e.TechnicianId, e.WorkDate })
            .IncludeProperties(e => new { e.DurationMinutes, e.Billable });
    }
}

/// <summary>Lets the EF tools build the SQLite context: dotnet ef migrations add X --context SqliteRegentraDbContext.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegentraDbContext>
{
    public SqliteRegentraDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegentraDbContext>().UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(DesignTimeServices.Instance).Options, new CurrentTenant());
}

/// <summary>Lets the EF tools build the PostgreSQL context (no server needed to add a migration).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRegentraDbContext>
{
    public PostgreSqlRegentraDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRegentraDbContext>().UseNpgsql("Host=localhost;Database=regentra_design")
            .UseApplicationServiceProvider(DesignTimeServices.Instance).Options, new CurrentTenant());
}

/// <summary>The application services Identity consults while building the model (its schema version).</summary>
internal static class DesignTimeServices
{
    public static readonly IServiceProvider Instance = new ServiceCollection()
        .Configure<IdentityOptions>(SaasAuthentication.ConfigureIdentityStore)
        .BuildServiceProvider();
}

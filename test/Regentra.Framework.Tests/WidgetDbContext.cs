using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Users;
using Regentra.TestBase;

namespace Regentra.Framework.Tests;

/// <summary>A tenant-owned aggregate for exercising the framework's data rules.</summary>
public sealed class Widget(string name) : AuditedAggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; set; }

    public string Name { get; set; } = name;
}

public sealed class FakeCurrentUser : ICurrentUser
{
    public Guid? Id { get; set; }

    public bool IsAuthenticated => Id.HasValue;

    public Guid? TenantId => null;

    public string? Email => null;

    public string? Name => null;

    public Guid GetRequiredId() => Id!.Value;
}

/// <summary>The smallest DbContext that uses the framework conventions, on the provider the test run selects.</summary>
public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options, ICurrentTenant currentTenant)
    : DbContext(options), IRegentraDbContext
{
    public Guid? CurrentTenantId => currentTenant.Id;

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().Property(w => w.Name).HasMaxLength(50);
        modelBuilder.ApplyRegentraConventions(this);
    }
}

/// <summary>A fresh database with the Widget schema, plus the tenant, user and clock the interceptor reads.</summary>
public sealed class WidgetDatabase : IAsyncLifetime
{
    public ICurrentTenant Tenant { get; } = new CurrentTenant();

    public FakeCurrentUser User { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    public WidgetDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WidgetDbContext>()
            .AddInterceptors(new RegentraSaveChangesInterceptor(Tenant, User, Clock));
        options = _database.Provider == TestProvider.Sqlite
            ? options.UseSqlite(_database.ConnectionString)
            : options.UseNpgsql(_database.ConnectionString);
        return new WidgetDbContext(options.Options, Tenant);
    }
}

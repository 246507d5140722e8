using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Users;
using Regentra.TestBase;

namespace Regentra.Framework.Tests;

/// <summary>A tenant-owned aggregate for exercising the framework's data rules; like a user or role, the host may own some.</summary>
public sealed class Widget(string name) : AuditedAggregateRoot, IMultiTenant, IHostScoped
{
    public Guid? TenantId { get; set; }

    public string Name { get; set; } = name;
}

public enum PartKind
{
    Bolt,
    Gear,
}

/// <summary>A child row written in bulk (see MultiRowInsertInterceptor): every kind of column a real one has.</summary>
public sealed class WidgetPart : IMultiTenant, IInsertedInBulk
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? TenantId { get; set; }

    public Guid WidgetId { get; set; }

    public int Position { get; set; }

    public PartKind Kind { get; set; }

    public DateOnly? Day { get; set; }

    public decimal Weight { get; set; }

    public int? Minutes { get; set; }

    public string? Note { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A counter row that doubles as a lock (see RowLocks), keyed like the real ones by tenant and one more column.</summary>
public sealed class WidgetCounter
{
    public Guid TenantId { get; set; }

    public Guid WidgetId { get; set; }

    public int Value { get; set; }
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

    public DbSet<WidgetPart> WidgetParts => Set<WidgetPart>();

    public DbSet<WidgetCounter> WidgetCounters => Set<WidgetCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().Property(w => w.Name).HasMaxLength(50);
        modelBuilder.Entity<WidgetPart>(b =>
        {
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.Weight).HasPrecision(12, 4);
            b.Property(p => p.Note).HasMaxLength(200);
            b.HasOne<Widget>().WithMany().HasForeignKey(p => p.WidgetId);
            b.HasIndex(p => new { p.WidgetId, p.Position }).IsUnique();
        });
        modelBuilder.Entity<WidgetCounter>().HasKey(c => new { c.TenantId, c.WidgetId });
        modelBuilder.ApplyRegentraConventions(this);
    }
}

/// <summary>A fresh database with the Widget schema, plus the tenant, user and clock the interceptor reads.</summary>
public sealed class WidgetDatabase : IAsyncLifetime
{
    public ICurrentTenant Tenant { get; } = new CurrentTenant();

    public FakeCurrentUser User { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The text of every command the contexts sent, to tell one multi-row statement from many single-row ones.</summary>
    public CommandLog Commands { get; } = new();

    public TestProvider Provider => _database.Provider;

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
            .AddInterceptors(new RegentraSaveChangesInterceptor(Tenant, User, Clock), new MultiRowInsertInterceptor(), Commands);
        options = _database.Provider == TestProvider.Sqlite
            ? options.UseSqlite(_database.ConnectionString)
            : options.UseNpgsql(_database.ConnectionString);
        return new WidgetDbContext(options.Options, Tenant);
    }
}

public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _texts = new();

    public IReadOnlyList<string> Texts => [.. _texts];

    /// <summary>How many statements (across all commands so far) insert into the table.</summary>
    public int InsertsInto(string table) =>
        Texts.Sum(t => Regex.Count(t, $"INSERT INTO \"{table}\""));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.Data;

public static class RegentraModelConventions
{
    /// <summary>Name of the query filter every <see cref="IMultiTenant"/> entity carries.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>
    /// Call last in OnModelCreating. Adds the named "Tenant" filter to every multi-tenant entity (comparing
    /// with <see cref="IRegentraDbContext.CurrentTenantId"/> of the executing context instance) and marks
    /// concurrency stamps as concurrency tokens, and marks our entities' Guid keys as assigned by the application.
    /// </summary>
    public static ModelBuilder ApplyRegentraConventions(this ModelBuilder modelBuilder, IRegentraDbContext context)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList())
        {
            var clrType = entityType.ClrType;
            var builder = modelBuilder.Entity(clrType);
            if (typeof(IMultiTenant).IsAssignableFrom(clrType) && entityType.BaseType is null)
            {
                builder.HasQueryFilter(TenantFilter, TenantFilterFor(clrType, context));
            }

            // Our entities choose their own ids (time-ordered Guids) when they are constructed. Telling EF so matters:
            // a child added to a loaded aggregate's collection (a time entry's history row) must be inserted, whereas
            // EF treats a set key that it believes it generates as an existing row and would update it.
            if (clrType.Namespace?.StartsWith("Regentra.", StringComparison.Ordinal) == true && entityType.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] }
                && keyType == typeof(Guid))
            {
                builder.Property(key.Name).ValueGeneratedNever();
            }

            if (typeof(IHasConcurrencyStamp).IsAssignableFrom(clrType))
            {
                builder.Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).IsConcurrencyToken().HasMaxLength(40);
            }

            AddHostScopeIndexes(entityType, builder);
        }

        return modelBuilder;
    }

    /// <summary>Suffix of the companion index that makes a per-tenant unique index hold for host rows too.</summary>
    public const string HostScopeSuffix = "_HostScope";

    // A unique index on (TenantId, X) lets any number of rows with TenantId NULL share X: both PostgreSQL and SQLite
    // treat NULLs as distinct. The host's own rows (host operators, the HostAdmin role) are exactly those, so each such
    // index gets a companion: unique on X where TenantId IS NULL. Both providers understand the partial index, and for
    // tenant rows it stays empty.
    private static void AddHostScopeIndexes(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entityType, Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder builder)
    {
        foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique && !i.GetDatabaseName()!.EndsWith(HostScopeSuffix, StringComparison.Ordinal)).ToList())
        {
            if (!typeof(IHostScoped).IsAssignableFrom(entityType.ClrType))
            {
                continue; // tenant-only rows always carry a tenant (the save interceptor refuses one without)
            }

            var tenant = index.Properties.FirstOrDefault(p => p.Name == nameof(IMultiTenant.TenantId));
            var others = index.Properties.Where(p => p != tenant).Select(p => p.Name).ToArray();
            if (tenant is null || !tenant.IsNullable || others.Length == 0)
            {
                continue;
            }

            var filter = index.GetFilter() is { } existing ? $"({existing}) AND \"TenantId\" IS NULL" : "\"TenantId\" IS NULL";
            builder.HasIndex(others, index.GetDatabaseName() + HostScopeSuffix).IsUnique().HasFilter(filter)
                .HasDatabaseName(index.GetDatabaseName() + HostScopeSuffix);
        }
    }

    // e => e.TenantId == context.CurrentTenantId. The context appears as a constant of its own type,
    // exactly as a lambda written inside the DbContext captures "this"; EF Core swaps in the executing
    // instance, so the value is read per query, never baked into the cached model.
    private static LambdaExpression TenantFilterFor(Type clrType, IRegentraDbContext context)
    {
        var entity = Expression.Parameter(clrType, "e");
        var tenantId = Expression.Property(entity, nameof(IMultiTenant.TenantId));
        var current = Expression.Property(Expression.Constant(context, context.GetType()), nameof(IRegentraDbContext.CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantId, current), entity);
    }
}

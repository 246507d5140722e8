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
        }

        return modelBuilder;
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

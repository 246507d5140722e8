using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Regentra.Framework.Data;

/// <summary>
/// The unit of work every module DbContext interface extends. The host's one context implements all
/// of them, so one SaveChanges (and one transaction) can span modules.
/// </summary>
public interface IRegentraDbContext
{
    /// <summary>The tenant the "Tenant" query filter compares against; read per query from this instance.</summary>
    Guid? CurrentTenantId { get; }

    DatabaseFacade Database { get; }

    /// <summary>Cleared between independent units of work in one scope (a batch of invoices, a month-end run).</summary>
    ChangeTracker ChangeTracker { get; }

    DbSet<TEntity> Set<TEntity>()
        where TEntity : class;

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

namespace Regentra.Framework.Data;

/// <summary>Stamped on insert by <see cref="RegentraSaveChangesInterceptor"/>.</summary>
public interface IHasCreationAudit
{
    DateTime CreationTime { get; }

    Guid? CreatorId { get; }
}

/// <summary>Stamped on every update by <see cref="RegentraSaveChangesInterceptor"/>.</summary>
public interface IHasModificationAudit
{
    DateTime? LastModificationTime { get; }

    Guid? LastModifierId { get; }
}

/// <summary>
/// Optimistic concurrency: renewed on every update and checked by the UPDATE's WHERE clause, so of two
/// people saving the same version one wins and the other gets 409.
/// </summary>
public interface IHasConcurrencyStamp
{
    string ConcurrencyStamp { get; }
}

/// <summary>Base for the aggregates people edit: a time-ordered Guid id, audit fields and a concurrency stamp.</summary>
public abstract class AuditedAggregateRoot : IHasCreationAudit, IHasModificationAudit, IHasConcurrencyStamp
{
    // Version 7 Guids are time ordered, which keeps B-tree inserts local on PostgreSQL.
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    public DateTime? LastModificationTime { get; private set; }

    public Guid? LastModifierId { get; private set; }

    public string ConcurrencyStamp { get; private set; } = NewStamp();

    internal static string NewStamp() => Guid.NewGuid().ToString("N");
}

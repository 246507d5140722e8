using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Users;

namespace Regentra.Framework.Data;

/// <summary>
/// Applies the cross-cutting write rules in one place: stamps TenantId on insert and refuses to move a
/// row to another tenant, fills audit fields, and renews concurrency stamps.
/// </summary>
/// <remarks>
/// EF scans every tracked entity for changes right after the SavingChanges interceptors. This interceptor must scan
/// first (it stamps what changed), so it turns EF's second scan off for the rest of the save and back on when the
/// save ends, however it ends: with thousands of tracked rows (a month-end batch) each scan costs real CPU.
/// </remarks>
public sealed class RegentraSaveChangesInterceptor(
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _detectionSuspended = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ResumeDetection(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ResumeDetection(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ResumeDetection(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ResumeDetection(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => ResumeDetection(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ResumeDetection(eventData.Context);
        return Task.CompletedTask;
    }

    private void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // A save that ended before EF's own callbacks (an exception in a later interceptor) left detection off: resume it.
        ResumeDetection(context);
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            Stamp(tracker);
        }
        catch
        {
            tracker.AutoDetectChangesEnabled = detect;
            throw;
        }

        if (detect)
        {
            _detectionSuspended.AddOrUpdate(context, this);
        }
    }

    private void Stamp(ChangeTracker tracker)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in tracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    StampTenant(entry);
                    StampCreation(entry, now);
                    break;
                case EntityState.Modified:
                    RefuseTenantChange(entry);
                    StampModification(entry, now);
                    break;
            }
        }
    }

    private void ResumeDetection(DbContext? context)
    {
        if (context is not null && _detectionSuspended.Remove(context))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private void StampTenant(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant)
        {
            return;
        }

        var tenantId = entry.Property(nameof(IMultiTenant.TenantId));
        if (tenantId.CurrentValue is null)
        {
            tenantId.CurrentValue = currentTenant.Id;
        }
        else if (currentTenant.Id is { } current && !Equals(tenantId.CurrentValue, current))
        {
            throw new TenantChangeRefusedException(
                $"Refused to insert {entry.Metadata.DisplayName()} for tenant {tenantId.CurrentValue} while acting for tenant {current}.");
        }

        // Only host-scoped entities may have host rows; a tenant-only row without a tenant would slip past every
        // per-tenant unique index (NULLs are distinct) and belong to nobody.
        if (tenantId.CurrentValue is null && entry.Entity is not IHostScoped)
        {
            throw new TenantChangeRefusedException($"Refused to insert {entry.Metadata.DisplayName()} without a tenant: it belongs to an organisation.");
        }
    }

    private static void RefuseTenantChange(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant)
        {
            return;
        }

        var tenantId = entry.Property(nameof(IMultiTenant.TenantId));
        if (tenantId.IsModified && !Equals(tenantId.OriginalValue, tenantId.CurrentValue))
        {
            throw new TenantChangeRefusedException(
                $"Refused to move {entry.Metadata.DisplayName()} from tenant {tenantId.OriginalValue} to {tenantId.CurrentValue}.");
        }
    }

    private void StampCreation(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is IHasCreationAudit audited)
        {
            if (audited.CreationTime == default)
            {
                entry.Property(nameof(IHasCreationAudit.CreationTime)).CurrentValue = now;
            }

            if (audited.CreatorId is null)
            {
                entry.Property(nameof(IHasCreationAudit.CreatorId)).CurrentValue = currentUser.Id;
            }
        }
    }

    private void StampModification(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is IHasModificationAudit)
        {
            entry.Property(nameof(IHasModificationAudit.LastModificationTime)).CurrentValue = now;
            entry.Property(nameof(IHasModificationAudit.LastModifierId)).CurrentValue = currentUser.Id;
        }

        if (entry.Entity is IHasConcurrencyStamp)
        {
            entry.Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).CurrentValue = AuditedAggregateRoot.NewStamp();
        }
    }
}

/// <summary>A write tried to put a row in, or move it to, a tenant other than the one acting. Always a bug.</summary>
public sealed class TenantChangeRefusedException(string message) : InvalidOperationException(message);

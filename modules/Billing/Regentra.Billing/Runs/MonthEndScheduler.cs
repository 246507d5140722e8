using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Data;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Runs;

/// <summary>
/// Host-side, hourly (recurring Hangfire job). For every active tenant whose local clock has passed the start of a
/// month, makes sure the month just closed has been run, and fans out one job per tenant. Unique indexes (one scheduled
/// run per tenant and month, one active run per tenant and month) make a second scheduler (another host, a retry) or a
/// simultaneous manual start a no-op. Runs that stopped
/// making progress (a host died, in-memory jobs lost on restart) are queued again: they resume where they stopped.
/// It also marks invoices overdue once their due date has passed in the tenant's time zone.
/// </summary>
internal sealed partial class MonthEndScheduler(
    IBillingDbContext db,
    ITenantDirectory tenants,
    ICurrentTenant currentTenant,
    IBackgroundJobClient jobs,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<MonthEndScheduler> logger)
{
    public const string RecurringJobId = "billing-month-end";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await tenants.GetActiveAsync(cancellationToken);
        foreach (var tenant in active)
        {
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone));
            var thisMonth = new DateOnly(local.Year, local.Month, 1);
            var closed = thisMonth.AddMonths(-1);
            using (currentTenant.Change(tenant.Id))
            {
                // No run for a month that ended before the organisation existed.
                if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(tenant.CreationTime, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone))) < thisMonth)
                {
                    await EnsureScheduledRunAsync(tenant.Id, closed, cancellationToken);
                }

                await MarkOverdueAsync(DateOnly.FromDateTime(local.DateTime), cancellationToken);
            }
        }

        await RequeueStaleRunsAsync(now.UtcDateTime, cancellationToken);
    }

    private async Task EnsureScheduledRunAsync(Guid tenantId, DateOnly month, CancellationToken cancellationToken)
    {
        // A month someone already ran by hand is not run again; whatever that run left undone, they can start again.
        if (await db.BillingRuns.AnyAsync(r => r.PeriodStart == month, cancellationToken))
        {
            return;
        }

        var run = new BillingRun(month.Year, month.Month, RunTrigger.Scheduled);
        db.BillingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            db.ChangeTracker.Clear(); // another host scheduled it, or someone started it by hand, a moment ago
            return;
        }

        jobs.EnqueueForTenant<MonthEndJob, Guid>(tenantId, run.Id);
        LogScheduled(logger, run.Id, tenantId, month);
    }

    private Task<int> MarkOverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N");
        return db.Invoices
            .Where(i => (i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.PartiallyPaid) && i.DueDate < today)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Overdue).SetProperty(i => i.ConcurrencyStamp, stamp), cancellationToken);
    }

    private async Task RequeueStaleRunsAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        var cutoff = utcNow - options.Value.StaleAfter;
        var stale = await db.BillingRuns.IgnoreQueryFilters([RegentraModelConventions.TenantFilter])
            .Where(r => (r.Status == BillingRunStatus.Queued || r.Status == BillingRunStatus.Running) && (r.LastModificationTime ?? r.CreationTime) < cutoff)
            .Select(r => new { r.Id, r.TenantId }).ToListAsync(cancellationToken);
        foreach (var run in stale)
        {
            using (currentTenant.Change(run.TenantId))
            {
                await db.BillingRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastModificationTime, utcNow), cancellationToken);
                jobs.EnqueueForTenant<MonthEndJob, Guid>(run.TenantId, run.Id);
                LogRequeued(logger, run.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled month-end run {RunId} for tenant {TenantId}, month {Month}")]
    private static partial void LogScheduled(ILogger logger, Guid runId, Guid tenantId, DateOnly month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Month-end run {RunId} made no progress for a while; queued again to resume it")]
    private static partial void LogRequeued(ILogger logger, Guid runId);
}

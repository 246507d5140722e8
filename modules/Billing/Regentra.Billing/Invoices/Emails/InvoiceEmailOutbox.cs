using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Data;

namespace Regentra.Billing.Invoices.Emails;

/// <summary>
/// Host-side, every minute (recurring Hangfire job, Billing:EmailOutboxCron): finds the invoice emails that are due and
/// not being delivered — a retry after a failure, or an email whose send never got to deliver it (its host stopped
/// between the commit and the hand-over, or during it and the claim has run out) — and queues one delivery job per
/// organisation and batch. Emails younger than <see cref="Grace"/> are left to the send that recorded them.
/// </summary>
internal sealed partial class InvoiceEmailOutbox(IBillingDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<InvoiceEmailOutbox> logger)
{
    public const string RecurringJobId = "billing-invoice-email-outbox";

    /// <summary>A send delivers its own email straight after committing it; the outbox steps in only after this.</summary>
    internal static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private const int BatchSize = 100, MaxPerSweep = 5_000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recordedBefore = now - Grace;
        var due = await db.InvoiceEmails.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
            .Where(e => e.Status == InvoiceEmailStatus.Pending && e.NextAttemptAt <= now && (e.LeaseUntil == null || e.LeaseUntil < now)
                && (e.Attempts > 0 || e.CreationTime < recordedBefore))
            .OrderBy(e => e.NextAttemptAt).Take(MaxPerSweep)
            .Select(e => new { e.Id, e.TenantId }).ToListAsync(cancellationToken);
        var tenants = due.GroupBy(e => e.TenantId).ToList();
        foreach (var tenant in tenants)
        {
            foreach (var batch in tenant.Select(e => e.Id).Chunk(BatchSize))
            {
                jobs.EnqueueForTenant<InvoiceEmailDeliveryJob, Guid[]>(tenant.Key, batch);
            }
        }

        if (due.Count > 0)
        {
            LogQueued(logger, due.Count, tenants.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice email outbox: {Count} emails of {Organisations} organisations queued for delivery")]
    private static partial void LogQueued(ILogger logger, int count, int organisations);
}

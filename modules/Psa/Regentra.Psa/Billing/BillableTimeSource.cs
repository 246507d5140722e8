using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Users;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;
using Regentra.Psa.Tickets;
using Regentra.Psa.TimeEntries;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.Billing;

/// <summary>
/// Billing's window onto PSA time. Reads are filtered by the tenant like everything else; the lock and release
/// run as guarded set-based UPDATEs inside the caller's transaction, and their history rows are added to the
/// caller's unit of work, so the invoice, the locks and the history commit (or roll back) together.
/// </summary>
internal sealed class BillableTimeSource(IPsaDbContext db, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock) : IBillableTimeSource
{
    public async Task<IReadOnlyList<BillableTimeEntry>> GetBillableEntriesAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
        (await GetBillableEntriesAsync([clientId], periodStart, periodEnd, cancellationToken)).GetValueOrDefault(clientId) ?? [];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<BillableTimeEntry>>> GetBillableEntriesAsync(
        IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default)
    {
        var rows = await db.TimeEntries.AsNoTracking()
            .Where(e => clientIds.Contains(e.ClientId!.Value) && e.WorkDate >= periodStart && e.WorkDate < periodEnd
                && e.Status == TimeEntryStatus.Approved && e.Billable && e.InvoiceId == null)
            .OrderBy(e => e.WorkDate).ThenBy(e => e.CreationTime).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, ClientId = e.ClientId!.Value, e.WorkDate, e.TechnicianId, e.TicketId, e.Description, e.DurationMinutes,
                Number = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => (int?)t.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = await users.GetManyAsync(rows.Select(r => r.TechnicianId).ToHashSet(), cancellationToken);
        return rows.GroupBy(r => r.ClientId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<BillableTimeEntry>)g.Select(r => new BillableTimeEntry(r.Id, r.WorkDate, r.TechnicianId,
                    names.TryGetValue(r.TechnicianId, out var u) ? u.Name : "(former member)", r.TicketId,
                    r.Number is { } n ? Ticket.Format(n) : null, r.Description, r.DurationMinutes))
                .ToList());
    }

    public async Task<IReadOnlyList<Guid>> GetClientsWithBillableTimeAsync(DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
        await db.TimeEntries.AsNoTracking()
            .Where(e => e.ClientId != null && e.WorkDate >= periodStart && e.WorkDate < periodEnd
                && e.Status == TimeEntryStatus.Approved && e.Billable && e.InvoiceId == null)
            .Select(e => e.ClientId!.Value).Distinct().ToListAsync(cancellationToken);

    public async Task<UnbillableTimeSummary> SummarizeUnbillableAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
        (await SummarizeUnbillableAsync([clientId], periodStart, periodEnd, cancellationToken)).GetValueOrDefault(clientId)
        ?? new UnbillableTimeSummary(0, 0, 0, 0);

    public async Task<IReadOnlyDictionary<Guid, UnbillableTimeSummary>> SummarizeUnbillableAsync(
        IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
        await db.TimeEntries.AsNoTracking()
            .Where(e => clientIds.Contains(e.ClientId!.Value) && e.WorkDate >= periodStart && e.WorkDate < periodEnd && e.InvoiceId == null
                && (!e.Billable || e.Status != TimeEntryStatus.Approved))
            .GroupBy(e => e.ClientId!.Value)
            .Select(g => new
            {
                ClientId = g.Key,
                NotApproved = g.Count(e => e.Billable && e.Status != TimeEntryStatus.Approved),
                NotApprovedMinutes = g.Sum(e => e.Billable && e.Status != TimeEntryStatus.Approved ? e.DurationMinutes : 0),
                NonBillable = g.Count(e => !e.Billable),
                NonBillableMinutes = g.Sum(e => !e.Billable ? e.DurationMinutes : 0),
            })
            .ToDictionaryAsync(
                x => x.ClientId,
                x => new UnbillableTimeSummary(x.NotApproved, x.NotApprovedMinutes, x.NonBillable, x.NonBillableMinutes),
                cancellationToken);

    public async Task MarkInvoicedAsync(Guid invoiceId, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        var ids = entryIds.Distinct().ToList();
        var steps = await StepsAsync(db.TimeEntries.Where(e => ids.Contains(e.Id)), cancellationToken);
        var stamp = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.TimeEntries
            .Where(e => ids.Contains(e.Id) && e.Status == TimeEntryStatus.Approved && e.Billable && e.InvoiceId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.InvoiceId, invoiceId)
                .SetProperty(e => e.TransitionCount, e => e.TransitionCount + 1)
                .SetProperty(e => e.ConcurrencyStamp, stamp)
                .SetProperty(e => e.LastModificationTime, now), cancellationToken);
        if (marked != ids.Count)
        {
            throw new BusinessException(PsaErrorCodes.TimeEntriesNotInvoiceable,
                $"{ids.Count - marked} of {ids.Count} entries changed since they were read (reopened, edited, or already invoiced). Preview again.");
        }

        AddHistory(steps, "Invoiced", now);
    }

    public async Task<int> ReleaseAsync(Guid invoiceId, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        var steps = await StepsAsync(db.TimeEntries.Where(e => e.InvoiceId == invoiceId), cancellationToken);
        var stamp = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        await db.TimeEntries.Where(e => e.InvoiceId == invoiceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.InvoiceId, (Guid?)null)
                .SetProperty(e => e.TransitionCount, e => e.TransitionCount + 1)
                .SetProperty(e => e.ConcurrencyStamp, stamp)
                .SetProperty(e => e.LastModificationTime, now), cancellationToken);
        AddHistory(steps, "Released", now);
        return steps.Count;
    }

    // The next step number of each entry: read before the guarded UPDATE increments it, inside the same transaction.
    private static Task<Dictionary<Guid, int>> StepsAsync(IQueryable<TimeEntry> entries, CancellationToken cancellationToken) =>
        entries.AsNoTracking().Select(e => new { e.Id, e.TransitionCount }).ToDictionaryAsync(e => e.Id, e => e.TransitionCount + 1, cancellationToken);

    private void AddHistory(Dictionary<Guid, int> steps, string action, DateTime now)
    {
        var actor = currentUser.Id ?? Guid.Empty;
        db.TimeEntryTransitions.AddRange(steps.Select(s =>
            new TimeEntryTransition(s.Key, s.Value, actor, action, TimeEntryStatus.Approved, TimeEntryStatus.Approved, null, now)));
    }

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Locking time for an invoice must happen inside the transaction that saves the invoice.");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
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
                e.Id, ClientId = e.ClientId!.Value, e.WorkDate, e.TechnicianId, e.TicketId, e.Description, e.DurationMinutes, e.TransitionCount,
                Number = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => (int?)t.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = await users.GetManyAsync(rows.Select(r => r.TechnicianId).ToHashSet(), cancellationToken);
        return rows.GroupBy(r => r.ClientId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<BillableTimeEntry>)g.Select(r => new BillableTimeEntry(r.Id, r.WorkDate, r.TechnicianId,
                    names.TryGetValue(r.TechnicianId, out var u) ? u.Name : "(former member)", r.TicketId,
                    r.Number is { } n ? Ticket.Format(n) : null, r.Description, r.DurationMinutes, r.TransitionCount))
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

    /// <summary>Entries per UPDATE statement (three parameters each): well inside both providers' parameter limits.</summary>
    internal const int EntriesPerStatement = 3_000;

    public async Task MarkInvoicedAsync(IReadOnlyCollection<TimeToInvoice> invoices, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        var rows = invoices.SelectMany(i => i.Entries.DistinctBy(e => e.Id).Select(e => (i.Invoice, Entry: e))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid().ToString("N");
        var historyInStatement = db.Database.IsPostgreSql();
        var steps = new Dictionary<Guid, int>(rows.Count);
        foreach (var chunk in rows.Chunk(EntriesPerStatement))
        {
            foreach (var marked in await MarkAsync(chunk, stamp, now, historyInStatement, cancellationToken))
            {
                steps[marked.Id] = marked.TransitionCount;
            }
        }

        if (steps.Count != rows.Count)
        {
            throw new BusinessException(PsaErrorCodes.TimeEntriesNotInvoiceable,
                $"{rows.Count - steps.Count} of {rows.Count} entries changed since they were read (reopened, edited, or already invoiced) " +
                "or are not the client's time in the period. Preview again.");
        }

        if (!historyInStatement)
        {
            AddHistory(steps, "Invoiced", now);
        }
    }

    /// <summary>
    /// One guarded UPDATE for a chunk of entries, each joined to its invoice's claim, returning the entries it changed
    /// and their new step numbers for the history rows. Raw SQL because EF's ExecuteUpdate can neither join a list of
    /// values nor return rows; PostgreSQL and SQLite both understand WITH … UPDATE … FROM … RETURNING.
    /// </summary>
    /// <param name="withHistory">
    /// PostgreSQL: the same statement writes the entries' history rows from what the UPDATE returned, so the thousands
    /// of rows of a month-end batch are neither sent nor change-tracked (SQLite cannot nest an UPDATE in a WITH).
    /// </param>
    private async Task<List<MarkedEntry>> MarkAsync(
        (InvoicedTime Invoice, EntryVersion Entry)[] chunk, string stamp, DateTime now, bool withHistory, CancellationToken cancellationToken)
    {
        var claimed = chunk.Select(r => r.Invoice).Distinct().ToList();
        object?[] values =
        [
            stamp, now, db.CurrentTenantId, nameof(TimeEntryStatus.Approved), true,
            .. claimed.SelectMany(c => new object[] { c.InvoiceId, c.ClientId, c.PeriodStart, c.PeriodEnd }),
            .. chunk.SelectMany(r => new object[] { r.Entry.Id, r.Entry.Version, r.Invoice.InvoiceId }),
        ];
        const int first = 5;
        var claims = string.Join(", ", claimed.Select((_, i) => Row(first + i * 4, 4)));
        var entries = string.Join(", ", chunk.Select((_, i) => Row(first + claimed.Count * 4 + i * 3, 3)));
        const string e = "\"PsaTimeEntries\"";
        // Names come from our model and placeholders are numbered; every value is a parameter.
        var update = $$"""
            UPDATE {{e}}
            SET "{{nameof(TimeEntry.InvoiceId)}}" = "Claims"."InvoiceId", "{{nameof(TimeEntry.TransitionCount)}}" = {{e}}."{{nameof(TimeEntry.TransitionCount)}}" + 1,
                "{{nameof(TimeEntry.ConcurrencyStamp)}}" = {0}, "{{nameof(TimeEntry.LastModificationTime)}}" = {1}
            FROM "Claimed" JOIN "Claims" ON "Claims"."InvoiceId" = "Claimed"."InvoiceId"
            WHERE {{e}}."{{nameof(TimeEntry.Id)}}" = "Claimed"."EntryId" AND {{e}}."{{nameof(TimeEntry.TransitionCount)}}" = "Claimed"."Version"
              AND {{e}}."{{nameof(TimeEntry.TenantId)}}" = {2} AND {{e}}."{{nameof(TimeEntry.Status)}}" = {3} AND {{e}}."{{nameof(TimeEntry.Billable)}}" = {4}
              AND {{e}}."{{nameof(TimeEntry.InvoiceId)}}" IS NULL AND {{e}}."{{nameof(TimeEntry.ClientId)}}" = "Claims"."ClientId"
              AND {{e}}."{{nameof(TimeEntry.WorkDate)}}" >= "Claims"."PeriodStart" AND {{e}}."{{nameof(TimeEntry.WorkDate)}}" < "Claims"."PeriodEnd"
            RETURNING {{e}}."{{nameof(TimeEntry.Id)}}", {{e}}."{{nameof(TimeEntry.TransitionCount)}}"
            """;
        var with = $"""
            WITH "Claims" ("InvoiceId", "ClientId", "PeriodStart", "PeriodEnd") AS (VALUES {claims}),
                 "Claimed" ("EntryId", "Version", "InvoiceId") AS (VALUES {entries})
            """;
        if (!withHistory)
        {
            var plain = with + "\n" + update;
            return await db.Database.SqlQueryRaw<MarkedEntry>(plain, values!).ToListAsync(cancellationToken);
        }

        // The history rows' ids come from here (time-ordered, like every id we make); the n-th marked entry takes the n-th.
        var historyIds = chunk.Select(_ => Guid.CreateVersion7()).ToArray();
        var (ids, actor, action) = (values.Length, values.Length + 1, values.Length + 2);
        var sql = $$"""
            {{with}},
                 "Marked" AS ({{update}}),
                 "History" AS (
                   INSERT INTO "PsaTimeEntryTransitions" ("{{nameof(TimeEntryTransition.Id)}}", "{{nameof(TimeEntryTransition.TenantId)}}",
                     "{{nameof(TimeEntryTransition.TimeEntryId)}}", "{{nameof(TimeEntryTransition.Step)}}", "{{nameof(TimeEntryTransition.ActorId)}}",
                     "{{nameof(TimeEntryTransition.Action)}}", "{{nameof(TimeEntryTransition.From)}}", "{{nameof(TimeEntryTransition.To)}}",
                     "{{nameof(TimeEntryTransition.Reason)}}", "{{nameof(TimeEntryTransition.At)}}")
                   SELECT (CAST({{{ids}}} AS uuid[]))[m."N"], {2}, m."{{nameof(TimeEntry.Id)}}", m."{{nameof(TimeEntry.TransitionCount)}}", {{{actor}}},
                     {{{action}}}, {3}, {3}, NULL, {1}
                   FROM (SELECT *, row_number() OVER () AS "N" FROM "Marked") AS m)
            SELECT "{{nameof(TimeEntry.Id)}}", "{{nameof(TimeEntry.TransitionCount)}}" FROM "Marked"
            """;
        object?[] all = [.. values, historyIds, currentUser.Id ?? Guid.Empty, "Invoiced"];
        return await db.Database.SqlQueryRaw<MarkedEntry>(sql, all!).ToListAsync(cancellationToken);
    }

    private static string Row(int first, int count) => $"({string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"))})";

    /// <summary>A row of the invoicing UPDATE's RETURNING clause: the entry and its step number after the update.</summary>
    private sealed class MarkedEntry
    {
        public Guid Id { get; init; }

        public int TransitionCount { get; init; }
    }

    public async Task<int> ReleaseAsync(InvoicedTime invoice, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        var entries = OfInvoice(invoice);
        var steps = await StepsAsync(entries, cancellationToken);
        var stamp = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        await entries.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.InvoiceId, (Guid?)null)
                .SetProperty(e => e.TransitionCount, e => e.TransitionCount + 1)
                .SetProperty(e => e.ConcurrencyStamp, stamp)
                .SetProperty(e => e.LastModificationTime, now), cancellationToken);
        AddHistory(steps, "Released", now);
        return steps.Count;
    }

    // Through the (ClientId, WorkDate) index: entries carry no index on InvoiceId, which every invoicing UPDATE would have to maintain.
    private IQueryable<TimeEntry> OfInvoice(InvoicedTime invoice) =>
        db.TimeEntries.Where(e => e.ClientId == invoice.ClientId && e.WorkDate >= invoice.PeriodStart && e.WorkDate < invoice.PeriodEnd
            && e.InvoiceId == invoice.InvoiceId);

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

using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;

namespace Regentra.Psa.TimeEntries;

/// <summary>The fields of a time entry as a client sends them (log, bulk row or update).</summary>
internal sealed record TimeEntryFields(Guid? TicketId, Guid? ClientId, DateOnly? WorkDate, int? DurationMinutes, string? Description, bool? Billable)
{
    public static TimeEntryFields From(TimesheetRowRequest r) => new(r.TicketId, r.ClientId, r.WorkDate, r.DurationMinutes, r.Description, r.Billable);

    public static TimeEntryFields From(LogTimeEntryRequest r) => new(r.TicketId, r.ClientId, r.WorkDate, r.DurationMinutes, r.Description, r.Billable);

    public static TimeEntryFields From(UpdateTimeEntryRequest r) => new(r.TicketId, r.ClientId, r.WorkDate, r.DurationMinutes, r.Description, r.Billable);
}

/// <summary>What a row's time is for, and whether that work is billable when the row does not say.</summary>
internal sealed record ResolvedTarget(WorkTarget Target, bool BillableByDefault);

/// <summary>A row that passed every rule, ready to become (or update) an entry.</summary>
internal sealed record TimeEntryDraft(WorkTarget Target, DateOnly WorkDate, int DurationMinutes, string Description, bool Billable);

/// <summary>
/// Checks rows of time against every rule and resolves what they are for, reporting all problems of all rows
/// at once (keys like <c>entries[3].durationMinutes</c>) and writing nothing. Tickets and clients are loaded
/// in one query each whatever the number of rows, and the technician's existing minutes per day in one more.
/// </summary>
internal sealed class TimeEntryDrafting(IPsaDbContext db, TenantCalendar calendar, ICurrentTenant tenant)
{
    public const int MaxDaysAhead = 7;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>
    /// Takes the technician's lock row for the current transaction: call it first, so the daily-limit check and the
    /// write cannot interleave with another request of the same technician.
    /// </summary>
    public Task LockTechnicianAsync(Guid technicianId, CancellationToken cancellationToken) =>
        db.Database.IncrementAsync("PsaTechnicianTimeLocks", nameof(TechnicianTimeLock.Version),
            [(nameof(TechnicianTimeLock.TenantId), tenant.Id!.Value), (nameof(TechnicianTimeLock.TechnicianId), technicianId)], cancellationToken);

    /// <param name="prefix">The JSON path of row i, e.g. <c>entries[i]</c>, or empty for a single entry.</param>
    /// <param name="replacing">Entries being updated or deleted: their current minutes do not count towards the daily limit.</param>
    public async Task<IReadOnlyList<TimeEntryDraft>> PrepareAsync(
        Guid technicianId, IReadOnlyList<TimeEntryFields> rows, Func<int, string> prefix, IReadOnlyCollection<Guid> replacing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var latest = (await calendar.TodayAsync(cancellationToken)).AddDays(MaxDaysAhead);
        for (var i = 0; i < rows.Count; i++)
        {
            CheckFields(rows[i], errors.For(prefix(i)), latest);
        }

        var targets = await ResolveTargetsAsync(rows, prefix, errors, cancellationToken);
        await CheckDailyLimitAsync(technicianId, rows, prefix, replacing, errors, cancellationToken);
        errors.ThrowIfAny();

        // Left out, billable follows the client (internal time never is).
        return rows.Select((r, i) => new TimeEntryDraft(
            targets[i]!.Target, r.WorkDate!.Value, r.DurationMinutes!.Value, r.Description!.Trim(), r.Billable ?? targets[i]!.BillableByDefault)).ToList();
    }

    private static void CheckFields(TimeEntryFields row, ValidationErrors errors, DateOnly latest)
    {
        if (row.DurationMinutes is not { } minutes || minutes < 1 || minutes > TimeEntry.MaxMinutes)
        {
            errors.Add("durationMinutes", $"Must be between 1 minute and 24 hours ({TimeEntry.MaxMinutes} minutes).");
        }

        if (row.WorkDate is not { } date)
        {
            errors.Add("workDate", "This field is required.");
        }
        else if (date > latest)
        {
            errors.Add("workDate", $"Time can be logged at most {MaxDaysAhead} days ahead (until {latest:yyyy-MM-dd}).");
        }
        else if (date < Earliest)
        {
            errors.Add("workDate", $"Must be on or after {Earliest:yyyy-MM-dd}.");
        }

        errors.RequireText("description", row.Description, TimeEntry.MaxDescriptionLength);
        if (row.TicketId is null && row.ClientId is null && row.Billable == true)
        {
            errors.Add("billable", "Internal time (no ticket and no client) is never billable.");
        }
    }

    private async Task<ResolvedTarget?[]> ResolveTargetsAsync(
        IReadOnlyList<TimeEntryFields> rows, Func<int, string> prefix, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var ticketIds = rows.Where(r => r.TicketId is not null).Select(r => r.TicketId!.Value).ToHashSet();
        var tickets = ticketIds.Count == 0 ? [] : await db.Tickets.AsNoTracking()
            .Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.ClientId })
            .ToDictionaryAsync(t => t.Id, t => t.ClientId, cancellationToken);
        var clientIds = rows.Select(r => r.ClientId).Concat(tickets.Values.Select(c => (Guid?)c)).Where(c => c is not null).Select(c => c!.Value).ToHashSet();
        var clients = clientIds.Count == 0 ? [] : await db.Clients.AsNoTracking()
            .Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.IsActive, c.BillableByDefault })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var targets = new ResolvedTarget?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, rowErrors) = (rows[i], errors.For(prefix(i)));
            Guid? clientId = row.ClientId;
            if (row.TicketId is { } ticketId)
            {
                if (!tickets.TryGetValue(ticketId, out var ticketClient))
                {
                    rowErrors.Add("ticketId", "No such ticket.");
                    continue;
                }

                if (clientId is not null && clientId != ticketClient)
                {
                    rowErrors.Add("clientId", "Must be the ticket's client (or left out).");
                    continue;
                }

                clientId = ticketClient;
            }

            if (clientId is { } id && !clients.ContainsKey(id))
            {
                rowErrors.Add("clientId", "No such client.");
            }
            else if (clientId is { } inactiveId && !clients[inactiveId].IsActive)
            {
                rowErrors.Add(row.TicketId is null ? "clientId" : "ticketId", "The client is inactive; reactivate it to log time.");
            }
            else
            {
                targets[i] = new ResolvedTarget(new WorkTarget(row.TicketId, clientId), clientId is { } c && clients[c].BillableByDefault);
            }
        }

        return targets;
    }

    // A technician's day has 24 hours: existing entries (other than the one being replaced) plus the new rows.
    private async Task CheckDailyLimitAsync(
        Guid technicianId, IReadOnlyList<TimeEntryFields> rows, Func<int, string> prefix, IReadOnlyCollection<Guid> replacing,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        var dates = rows.Where(r => r.WorkDate is not null && r.DurationMinutes is > 0).Select(r => r.WorkDate!.Value).ToHashSet();
        if (dates.Count == 0)
        {
            return;
        }

        var logged = await db.TimeEntries.AsNoTracking()
            .Where(e => e.TechnicianId == technicianId && dates.Contains(e.WorkDate) && !replacing.Contains(e.Id))
            .GroupBy(e => e.WorkDate)
            .Select(g => new { Date = g.Key, Minutes = g.Sum(e => e.DurationMinutes) })
            .ToDictionaryAsync(x => x.Date, x => x.Minutes, cancellationToken);

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { WorkDate: { } date, DurationMinutes: > 0 and var minutes })
            {
                continue;
            }

            var total = logged.GetValueOrDefault(date) + minutes;
            logged[date] = total;
            if (total > TimeEntry.MaxMinutes)
            {
                errors.For(prefix(i)).Add("durationMinutes",
                    $"Your time on {date:yyyy-MM-dd} would total {total / 60}h {total % 60:D2}m; a day has 24 hours.");
            }
        }
    }
}

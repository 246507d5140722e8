using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;
using Regentra.Psa.Tickets;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.TimeEntries;

/// <summary>An entry with the ticket number and client name shown next to it.</summary>
internal sealed class TimeEntryRow
{
    public required TimeEntry Entry { get; init; }

    public int? TicketNumber { get; init; }

    public string? ClientName { get; init; }
}

/// <summary>
/// Reads time entries the way every endpoint shows them. Technicians see their own time; callers with
/// Psa.TimeEntries.ViewAll (or Approve, who must see what they review) see everyone's. An entry the caller
/// may not see is "not found", exactly like another tenant's.
/// </summary>
internal sealed class TimeEntryReader(IPsaDbContext db, IUserDirectory users, Caller caller)
{
    public IQueryable<TimeEntry> Entries() => db.TimeEntries.AsNoTracking();

    /// <summary>
    /// Adds the ticket number and client name. Applied after filtering, counting, sorting and paging, so the
    /// lookups run for the rows of one page only, never for everything a count has to visit.
    /// </summary>
    public Expression<Func<TimeEntry, TimeEntryRow>> ToRow => e => new TimeEntryRow
    {
        Entry = e,
        TicketNumber = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => (int?)t.Number).FirstOrDefault(),
        ClientName = db.Clients.Where(c => c.Id == e.ClientId).Select(c => c.Name).FirstOrDefault(),
    };

    /// <summary>Whether the caller may see everyone's time rather than only their own.</summary>
    public async Task<bool> SeesEveryoneAsync(CancellationToken cancellationToken) =>
        await caller.HasAsync(PsaPermissions.TimeEntries.ViewAll, cancellationToken) || await caller.HasAsync(PsaPermissions.TimeEntries.Approve, cancellationToken);

    public async Task<IQueryable<TimeEntry>> VisibleEntriesAsync(CancellationToken cancellationToken)
    {
        if (await SeesEveryoneAsync(cancellationToken))
        {
            return Entries();
        }

        var me = caller.Id;
        return Entries().Where(e => e.TechnicianId == me);
    }

    public async Task<TimeEntryDto> GetVisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (await VisibleEntriesAsync(cancellationToken)).Where(e => e.Id == id).Select(ToRow).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("Time entry", id);
        return (await ToDtosAsync([row], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<TimeEntryDto>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await Entries().Where(e => ids.Contains(e.Id)).Select(ToRow).ToListAsync(cancellationToken);
        var byId = (await ToDtosAsync(rows, cancellationToken)).ToDictionary(d => d.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public async Task<IReadOnlyList<TimeEntryDto>> ToDtosAsync(IReadOnlyList<TimeEntryRow> rows, CancellationToken cancellationToken)
    {
        var names = await users.GetManyAsync(rows.Select(r => r.Entry.TechnicianId).ToHashSet(), cancellationToken);
        return rows.Select(r => ToDto(r, names)).ToList();
    }

    private static TimeEntryDto ToDto(TimeEntryRow row, IReadOnlyDictionary<Guid, UserSummary> names)
    {
        var e = row.Entry;
        return new TimeEntryDto(
            e.Id, e.TechnicianId, names.TryGetValue(e.TechnicianId, out var user) ? user.Name : "(former member)", e.Kind,
            e.TicketId, row.TicketNumber is { } n ? Ticket.Format(n) : null, e.ClientId, row.ClientName,
            e.WorkDate, e.DurationMinutes, e.Description, e.Billable, e.Status, e.RejectionReason, e.InvoiceId, e.CreationTime, e.ConcurrencyStamp);
    }
}

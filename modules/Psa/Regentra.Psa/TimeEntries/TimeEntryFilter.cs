using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// The filters of a list of time (technician, client, ticket, statuses, billable, work-date period with <c>to</c>
/// exclusive), shared by the list and its totals so that both always describe the same entries.
/// </summary>
internal sealed record TimeEntryFilter(
    Guid? TechnicianId, Guid? ClientId, Guid? TicketId, string? Status, bool? Billable, DateOnly? From, DateOnly? To)
{
    /// <summary>Checks the filter (unknown statuses, an empty period) and narrows <paramref name="entries"/> to it.</summary>
    public IQueryable<TimeEntry> Apply(IQueryable<TimeEntry> entries)
    {
        var errors = new ValidationErrors();
        var statuses = EnumFilters.Parse<TimeEntryStatus>(Status, errors, "status");
        if (From is { } from && To is { } to && from >= to)
        {
            errors.Add("to", "Must be after from (the period is from ≤ workDate < to).");
        }

        errors.ThrowIfAny();
        entries = TechnicianId is { } technician ? entries.Where(e => e.TechnicianId == technician) : entries;
        entries = ClientId is { } client ? entries.Where(e => e.ClientId == client) : entries;
        entries = TicketId is { } ticket ? entries.Where(e => e.TicketId == ticket) : entries;
        entries = statuses.Count > 0 ? entries.Where(e => statuses.Contains(e.Status)) : entries;
        entries = Billable is { } billable ? entries.Where(e => e.Billable == billable) : entries;
        entries = From is { } start ? entries.Where(e => e.WorkDate >= start) : entries;
        entries = To is { } end ? entries.Where(e => e.WorkDate < end) : entries;
        return entries;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Permissions;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// GET /api/psa/time-entries/summary: the totals beneath a list of time (a ticket's, a client's, a period's), summed
/// by the database over every matching entry rather than over the page the browser holds.
/// </summary>
internal static class TimeSummaryEndpoints
{
    public static void Map(RouteGroupBuilder entries) =>
        entries.MapGet("/summary", SummarizeAsync)
            .RequireAnyPermission(PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve)
            .WithSummary("Totals of the time you may see: the list's filters (technicianId, clientId, ticketId, status, billable, from, to), every page.");

    internal sealed class SummaryQuery
    {
        public Guid? TechnicianId { get; init; }

        public Guid? ClientId { get; init; }

        public Guid? TicketId { get; init; }

        public string? Status { get; init; }

        public bool? Billable { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }
    }

    private static async Task<Ok<TimeEntrySummaryDto>> SummarizeAsync([AsParameters] SummaryQuery query, TimeEntryReader reader, CancellationToken cancellationToken)
    {
        var filter = new TimeEntryFilter(query.TechnicianId, query.ClientId, query.TicketId, query.Status, query.Billable, query.From, query.To);
        var entries = filter.Apply(await reader.VisibleEntriesAsync(cancellationToken));
        return TypedResults.Ok(await TimeTotals.SumAsync(entries, cancellationToken));
    }
}

/// <summary>Sums a set of entries per status in one grouped query.</summary>
internal static class TimeTotals
{
    public static async Task<TimeEntrySummaryDto> SumAsync(IQueryable<TimeEntry> entries, CancellationToken cancellationToken)
    {
        var byStatus = await entries.GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Minutes = g.Sum(e => e.DurationMinutes), Billable = g.Sum(e => e.Billable ? e.DurationMinutes : 0) })
            .ToListAsync(cancellationToken);
        var total = byStatus.Sum(s => s.Minutes);
        var billable = byStatus.Sum(s => s.Billable);
        return new TimeEntrySummaryDto(
            byStatus.Sum(s => s.Count), total, billable, total - billable,
            byStatus.OrderBy(s => s.Status).ToDictionary(s => s.Status.ToString(), s => s.Minutes));
    }
}

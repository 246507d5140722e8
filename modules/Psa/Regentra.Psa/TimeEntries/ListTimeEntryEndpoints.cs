using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Framework.Permissions;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.TimeEntries;

/// <summary>Lists of time: the timesheet and everyone's time, a ticket's time, an entry's history, and the approval queue.</summary>
internal static class ListTimeEntryEndpoints
{
    private static readonly string[] Readers = [PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve];

    public static void Map(RouteGroupBuilder entries, IEndpointRouteBuilder psa)
    {
        entries.MapGet("", ListAsync).RequireAnyPermission(Readers)
            .WithSummary("Your time, or everyone's with Psa.TimeEntries.ViewAll. Filters: technicianId, clientId, ticketId, status (comma-separated), billable, from and to (work dates, to exclusive). Sort: workDate (default, newest first), creationTime, durationMinutes, status.");
        entries.MapGet("/{id:guid}/history", HistoryAsync).RequireAnyPermission(Readers)
            .WithSummary("Every change of status: who, when, from, to, and the reason of a rejection.");
        psa.MapGet("/tickets/{id:guid}/time-entries", TicketTimeAsync).RequireAnyPermission(Readers)
            .WithSummary("The time on a ticket that you may see, newest first.");
        psa.MapGet("/approvals", ApprovalsAsync).RequireAuthorization(PsaPermissions.TimeEntries.Approve)
            .WithSummary("The Submitted queue: one line per technician with totals, and a page of entries (oldest first). Filter with technicianId.");
    }

    internal sealed class ListTimeEntriesQuery : PageRequest
    {
        public Guid? TechnicianId { get; init; }

        public Guid? ClientId { get; init; }

        public Guid? TicketId { get; init; }

        public string? Status { get; init; }

        public bool? Billable { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }
    }

    private static SortMap<TimeEntry> Sorts(string defaultSort) => new SortMap<TimeEntry>(defaultSort, e => e.Id)
        .Add("workDate", e => e.WorkDate).Add("creationTime", e => e.CreationTime)
        .Add("durationMinutes", e => e.DurationMinutes).AddInDeclaredOrder("status", e => e.Status);

    private static async Task<Ok<PagedResult<TimeEntryDto>>> ListAsync([AsParameters] ListTimeEntriesQuery query, TimeEntryReader reader, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var statuses = EnumFilters.Parse<TimeEntryStatus>(query.Status, errors, "status");
        if (query is { From: { } from, To: { } to } && from >= to)
        {
            errors.Add("to", "Must be after from (the period is from ≤ workDate < to).");
        }

        errors.ThrowIfAny();
        var entries = await reader.VisibleEntriesAsync(cancellationToken);
        entries = query.TechnicianId is { } technician ? entries.Where(e => e.TechnicianId == technician) : entries;
        entries = query.ClientId is { } client ? entries.Where(e => e.ClientId == client) : entries;
        entries = query.TicketId is { } ticket ? entries.Where(e => e.TicketId == ticket) : entries;
        entries = statuses.Count > 0 ? entries.Where(e => statuses.Contains(e.Status)) : entries;
        entries = query.Billable is { } billable ? entries.Where(e => e.Billable == billable) : entries;
        entries = query.From is { } start ? entries.Where(e => e.WorkDate >= start) : entries;
        entries = query.To is { } end ? entries.Where(e => e.WorkDate < end) : entries;
        return TypedResults.Ok(await PageAsync(entries, query, Sorts("workDate desc, creationTime desc"), reader, cancellationToken));
    }

    private static async Task<Ok<PagedResult<TimeEntryDto>>> TicketTimeAsync(
        Guid id, [AsParameters] PageRequest page, IPsaDbContext db, TimeEntryReader reader, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw new EntityNotFoundException("Ticket", id);
        }

        var entries = (await reader.VisibleEntriesAsync(cancellationToken)).Where(e => e.TicketId == id);
        return TypedResults.Ok(await PageAsync(entries, page, Sorts("workDate desc, creationTime desc"), reader, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<TimeEntryTransitionDto>>> HistoryAsync(
        Guid id, IPsaDbContext db, TimeEntryReader reader, IUserDirectory users, CancellationToken cancellationToken)
    {
        await reader.GetVisibleAsync(id, cancellationToken);
        var steps = await db.TimeEntryTransitions.AsNoTracking().Where(t => t.TimeEntryId == id)
            .OrderBy(t => t.Step).ToListAsync(cancellationToken);
        var names = await users.GetManyAsync(steps.Select(s => s.ActorId).ToHashSet(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TimeEntryTransitionDto>>(steps.Select(s => new TimeEntryTransitionDto(
            s.At, s.ActorId, ActorName(names, s.ActorId), s.Action, s.From, s.To, s.Reason)).ToList());
    }

    // Automatic steps (an invoice generated by the month-end run) have no person behind them.
    private static string ActorName(IReadOnlyDictionary<Guid, UserSummary> names, Guid actorId) =>
        actorId == Guid.Empty ? "Regentra (automatic)" : names.TryGetValue(actorId, out var user) ? user.Name : "(former member)";

    internal sealed class ApprovalsQuery : PageRequest
    {
        public Guid? TechnicianId { get; init; }
    }

    private static async Task<Ok<ApprovalQueueDto>> ApprovalsAsync(
        [AsParameters] ApprovalsQuery query, IPsaDbContext db, TimeEntryReader reader, IUserDirectory users, CancellationToken cancellationToken)
    {
        var submitted = db.TimeEntries.AsNoTracking().Where(e => e.Status == TimeEntryStatus.Submitted);
        var groups = await submitted.GroupBy(e => e.TechnicianId)
            .Select(g => new
            {
                TechnicianId = g.Key,
                Count = g.Count(),
                Minutes = g.Sum(e => e.DurationMinutes),
                Billable = g.Sum(e => e.Billable ? e.DurationMinutes : 0),
                Oldest = g.Min(e => e.WorkDate),
            })
            .ToListAsync(cancellationToken);
        var names = await users.GetManyAsync(groups.Select(g => g.TechnicianId).ToHashSet(), cancellationToken);

        var entries = reader.Entries().Where(e => e.Status == TimeEntryStatus.Submitted);
        entries = query.TechnicianId is { } technician ? entries.Where(e => e.TechnicianId == technician) : entries;
        var page = await PageAsync(entries, query, Sorts("workDate, creationTime"), reader, cancellationToken);

        return TypedResults.Ok(new ApprovalQueueDto(
            groups.Select(g => new ApprovalGroupDto(g.TechnicianId, names.TryGetValue(g.TechnicianId, out var u) ? u.Name : "(former member)",
                    g.Count, g.Minutes, g.Billable, g.Oldest))
                .OrderBy(g => g.TechnicianName, StringComparer.CurrentCultureIgnoreCase).ToList(),
            page.Items,
            page.TotalCount));
    }

    private static async Task<PagedResult<TimeEntryDto>> PageAsync(
        IQueryable<TimeEntry> entries, PageRequest page, SortMap<TimeEntry> sorts, TimeEntryReader reader, CancellationToken cancellationToken)
    {
        var result = await entries.ToPagedResultAsync(page, sorts, reader.ToRow, cancellationToken);
        return new PagedResult<TimeEntryDto>(await reader.ToDtosAsync(result.Items, cancellationToken), result.TotalCount);
    }
}

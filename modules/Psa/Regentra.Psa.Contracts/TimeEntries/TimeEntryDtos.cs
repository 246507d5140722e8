namespace Regentra.Psa.Contracts.TimeEntries;

/// <summary>Draft → Submitted → Approved or Rejected. Rejected entries are edited and submitted again.</summary>
public enum TimeEntryStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}

/// <param name="Kind">Ticket, Client (non-ticket work for a client) or Internal (neither; never billable).</param>
/// <param name="InvoiceId">Set once the entry is on an invoice; it is then locked for everyone.</param>
public sealed record TimeEntryDto(
    Guid Id,
    Guid TechnicianId,
    string TechnicianName,
    string Kind,
    Guid? TicketId,
    string? TicketNumber,
    Guid? ClientId,
    string? ClientName,
    DateOnly WorkDate,
    int DurationMinutes,
    string Description,
    bool Billable,
    TimeEntryStatus Status,
    string? RejectionReason,
    Guid? InvoiceId,
    DateTime CreationTime,
    string ConcurrencyStamp);

/// <param name="TicketId">Work on a ticket; the ticket's client becomes the entry's client.</param>
/// <param name="ClientId">Non-ticket work for a client. Neither ticket nor client: internal time (never billable).</param>
/// <param name="Submit">Create as Submitted rather than Draft.</param>
public sealed record LogTimeEntryRequest(
    Guid? TicketId,
    Guid? ClientId,
    DateOnly? WorkDate,
    int? DurationMinutes,
    string? Description,
    bool? Billable,
    bool Submit = false);

public sealed record UpdateTimeEntryRequest(
    Guid? TicketId,
    Guid? ClientId,
    DateOnly? WorkDate,
    int? DurationMinutes,
    string? Description,
    bool? Billable,
    string? ConcurrencyStamp);

public sealed record BulkLogTimeEntriesRequest(IReadOnlyList<LogTimeEntryRequest>? Entries);

public sealed record BulkLogTimeEntriesResponse(IReadOnlyList<TimeEntryDto> Entries, int TotalMinutes);

/// <summary>
/// One row of a timesheet save: without <paramref name="Id"/> a new entry; with it, a change to one of your own
/// Draft or Rejected entries, carrying the <paramref name="ConcurrencyStamp"/> you read.
/// </summary>
/// <param name="Submit">Submit the entry once saved (new, Draft or Rejected).</param>
public sealed record TimesheetRowRequest(
    Guid? Id,
    string? ConcurrencyStamp,
    Guid? TicketId,
    Guid? ClientId,
    DateOnly? WorkDate,
    int? DurationMinutes,
    string? Description,
    bool? Billable,
    bool Submit = false);

/// <summary>One of your own Draft or Rejected entries to delete, with the concurrencyStamp you read.</summary>
public sealed record TimesheetDeleteRequest(Guid? Id, string? ConcurrencyStamp);

/// <summary>A whole timesheet's changes: new entries, changed entries and deletions, saved together or not at all.</summary>
public sealed record SaveTimesheetRequest(IReadOnlyList<TimesheetRowRequest>? Entries, IReadOnlyList<TimesheetDeleteRequest>? Deletes);

/// <param name="Entries">The saved rows, in the order they were sent.</param>
public sealed record SaveTimesheetResponse(IReadOnlyList<TimeEntryDto> Entries, IReadOnlyList<Guid> DeletedIds);

public sealed record TimeEntryIdsRequest(IReadOnlyList<Guid>? Ids);

public sealed record RejectTimeEntriesRequest(IReadOnlyList<Guid>? Ids, string? Reason);

/// <summary>The outcome of a workflow action on several entries: all of them moved, or none did.</summary>
public sealed record TimeEntriesChangedResponse(IReadOnlyList<TimeEntryDto> Entries);

/// <param name="From">Null for the creation of the entry.</param>
public sealed record TimeEntryTransitionDto(
    DateTime At,
    Guid ActorId,
    string ActorName,
    string Action,
    TimeEntryStatus? From,
    TimeEntryStatus To,
    string? Reason);

public sealed record ApprovalGroupDto(Guid TechnicianId, string TechnicianName, int EntryCount, int TotalMinutes, int BillableMinutes, DateOnly OldestWorkDate);

/// <summary>The Submitted queue: one line per technician with totals, and one page of the entries themselves.</summary>
public sealed record ApprovalQueueDto(IReadOnlyList<ApprovalGroupDto> Groups, IReadOnlyList<TimeEntryDto> Items, int TotalCount);

/// <summary>
/// Totals of the time a list shows (the same filters, every page): how many entries, their minutes, billable and
/// non-billable, and minutes by status (only statuses that occur).
/// </summary>
public sealed record TimeEntrySummaryDto(
    int EntryCount,
    int TotalMinutes,
    int BillableMinutes,
    int NonBillableMinutes,
    IReadOnlyDictionary<string, int> MinutesByStatus);

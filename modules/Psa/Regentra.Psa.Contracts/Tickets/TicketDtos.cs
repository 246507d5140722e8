namespace Regentra.Psa.Contracts.Tickets;

/// <summary>Open → In progress → Waiting on customer → Escalated → Resolved → Closed; reopening is allowed.</summary>
public enum TicketStatus
{
    Open,
    InProgress,
    WaitingOnCustomer,
    Escalated,
    Resolved,
    Closed,
}

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <param name="Number">Per organisation, e.g. T-000123.</param>
public sealed record TicketDto(
    Guid Id,
    string Number,
    Guid ClientId,
    string ClientName,
    string Title,
    TicketPriority Priority,
    TicketStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    DateTime CreationTime,
    DateTime? LastModificationTime);

/// <summary>Minutes logged on a ticket, in total and by approval status.</summary>
public sealed record TicketTimeSummary(int TotalMinutes, int BillableMinutes, IReadOnlyDictionary<string, int> MinutesByStatus);

public sealed record TicketDetailDto(
    Guid Id,
    string Number,
    Guid ClientId,
    string ClientName,
    string Title,
    string? Description,
    TicketPriority Priority,
    TicketStatus Status,
    IReadOnlyList<TicketStatus> AllowedTransitions,
    Guid? AssigneeId,
    string? AssigneeName,
    DateTime CreationTime,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    TicketTimeSummary Time,
    string ConcurrencyStamp);

public sealed record CreateTicketRequest(Guid? ClientId, string? Title, string? Description, TicketPriority? Priority, Guid? AssigneeId);

public sealed record UpdateTicketRequest(Guid? ClientId, string? Title, string? Description, TicketPriority? Priority, Guid? AssigneeId, string? ConcurrencyStamp);

public sealed record ChangeTicketStatusRequest(TicketStatus? Status, string? ConcurrencyStamp);

/// <summary>A member a ticket can be assigned to (any active member of the organisation).</summary>
public sealed record AssigneeDto(Guid Id, string Name);

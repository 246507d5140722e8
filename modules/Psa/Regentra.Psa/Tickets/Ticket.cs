using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tickets;

/// <summary>A piece of work for a client, numbered per tenant (T-000123), moving through its status lifecycle.</summary>
internal sealed class Ticket : AuditedAggregateRoot, IMultiTenant
{
    /// <summary>
    /// The lifecycle: Open → In progress → Waiting on customer → Escalated → Resolved → Closed. Work can move
    /// between the active states freely; Resolved and Closed tickets can be reopened.
    /// </summary>
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.Open] = [TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Escalated, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.InProgress] = [TicketStatus.WaitingOnCustomer, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.WaitingOnCustomer] = [TicketStatus.InProgress, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.Escalated] = [TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.Open, TicketStatus.InProgress],
        [TicketStatus.Closed] = [TicketStatus.Open],
    };

    private Ticket()
    {
    }

    public Ticket(int number, Guid clientId, string title, string? description, TicketPriority priority, Guid? assigneeId)
    {
        Number = number;
        ClientId = clientId;
        Title = title;
        Description = description;
        Priority = priority;
        AssigneeId = assigneeId;
    }

    public Guid? TenantId { get; private set; }

    public int Number { get; private set; }

    public Guid ClientId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketStatus Status { get; private set; } = TicketStatus.Open;

    public Guid? AssigneeId { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static string Format(int number) => $"T-{number:D6}";

    public static IReadOnlyList<TicketStatus> TransitionsFrom(TicketStatus status) => Allowed[status];

    public void Update(Guid clientId, string title, string? description, TicketPriority priority, Guid? assigneeId)
    {
        ClientId = clientId;
        Title = title;
        Description = description;
        Priority = priority;
        AssigneeId = assigneeId;
    }

    public void ChangeStatus(TicketStatus status, DateTime utcNow)
    {
        if (status == Status)
        {
            return;
        }

        if (!Allowed[Status].Contains(status))
        {
            throw new BusinessException(PsaErrorCodes.TicketTransitionNotAllowed,
                $"A ticket that is {Status} cannot move to {status}. From {Status} it can move to: {string.Join(", ", Allowed[Status])}.");
        }

        Status = status;
        ResolvedAt = status switch
        {
            TicketStatus.Resolved => utcNow,
            TicketStatus.Closed => ResolvedAt ?? utcNow,
            _ => null,
        };
        ClosedAt = status == TicketStatus.Closed ? utcNow : null;
    }
}

/// <summary>The last ticket number handed out in a tenant; incremented inside the creating transaction, so numbers have no gaps.</summary>
internal sealed class TicketSequence
{
    public Guid TenantId { get; private set; }

    public int LastNumber { get; private set; }
}

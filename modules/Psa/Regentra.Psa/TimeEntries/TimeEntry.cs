using Microsoft.AspNetCore.Http;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// Time a technician spent, on a ticket, for a client without a ticket, or internally. The approval workflow
/// lives here: Draft → Submitted → Approved or Rejected; owners change only Draft or Rejected entries;
/// reviewers approve, reject (with a reason) and reopen; invoiced entries are locked for everyone.
/// Every change of status is recorded as a <see cref="TimeEntryTransition"/>.
/// </summary>
internal sealed class TimeEntry : AuditedAggregateRoot, IMultiTenant
{
    public const int MaxMinutes = 24 * 60;
    public const int MaxDescriptionLength = 4000;

    private readonly List<TimeEntryTransition> _transitions = [];

    private TimeEntry()
    {
    }

    public TimeEntry(Guid technicianId, WorkTarget target, DateOnly workDate, int durationMinutes, string description, bool billable, DateTime utcNow)
    {
        TechnicianId = technicianId;
        SetDetails(target, workDate, durationMinutes, description, billable);
        _transitions.Add(new TimeEntryTransition(Id, ++TransitionCount, technicianId, "Created", null, TimeEntryStatus.Draft, null, utcNow));
    }

    public Guid? TenantId { get; private set; }

    public Guid TechnicianId { get; private set; }

    public Guid? TicketId { get; private set; }

    public Guid? ClientId { get; private set; }

    public DateOnly WorkDate { get; private set; }

    public int DurationMinutes { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public bool Billable { get; private set; }

    public TimeEntryStatus Status { get; private set; } = TimeEntryStatus.Draft;

    public string? RejectionReason { get; private set; }

    public Guid? ReviewerId { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Set by Billing (through IBillableTimeSource) when the entry is on an invoice.</summary>
    public Guid? InvoiceId { get; private set; }

    /// <summary>How many history rows the entry has; each new row takes the next step number, which orders the history.</summary>
    public int TransitionCount { get; private set; }

    public IReadOnlyList<TimeEntryTransition> Transitions => _transitions;

    public string Kind => TicketId is not null ? "Ticket" : ClientId is not null ? "Client" : "Internal";

    public void Update(Guid actorId, WorkTarget target, DateOnly workDate, int durationMinutes, string description, bool billable)
    {
        EnsureOwnerMayChange(actorId, "change");
        SetDetails(target, workDate, durationMinutes, description, billable);
    }

    public void EnsureOwnerMayUpdate(Guid actorId) => EnsureOwnerMayChange(actorId, "change");

    public void EnsureOwnerMayDelete(Guid actorId) => EnsureOwnerMayChange(actorId, "delete");

    public void Submit(Guid actorId, DateTime utcNow)
    {
        EnsureNotInvoiced();
        EnsureOwner(actorId, "submit");
        if (Status is not (TimeEntryStatus.Draft or TimeEntryStatus.Rejected))
        {
            throw NotAllowed("submit", "Draft or Rejected");
        }

        MoveTo(TimeEntryStatus.Submitted, actorId, "Submitted", null, utcNow);
        RejectionReason = null;
    }

    public void Approve(Guid reviewerId, bool selfReviewAllowed, DateTime utcNow)
    {
        EnsureReviewable(reviewerId, selfReviewAllowed, "approve", TimeEntryStatus.Submitted);
        MoveTo(TimeEntryStatus.Approved, reviewerId, "Approved", null, utcNow);
        Review(reviewerId, utcNow);
    }

    public void Reject(Guid reviewerId, bool selfReviewAllowed, string reason, DateTime utcNow)
    {
        EnsureReviewable(reviewerId, selfReviewAllowed, "reject", TimeEntryStatus.Submitted);
        MoveTo(TimeEntryStatus.Rejected, reviewerId, "Rejected", reason, utcNow);
        RejectionReason = reason;
        Review(reviewerId, utcNow);
    }

    /// <summary>Takes an approval back (only while the entry is not invoiced), returning it to the queue.</summary>
    public void Reopen(Guid reviewerId, bool selfReviewAllowed, DateTime utcNow)
    {
        EnsureReviewable(reviewerId, selfReviewAllowed, "reopen", TimeEntryStatus.Approved);
        MoveTo(TimeEntryStatus.Submitted, reviewerId, "Reopened", null, utcNow);
        ReviewerId = null;
        ReviewedAt = null;
    }

    private void SetDetails(WorkTarget target, DateOnly workDate, int durationMinutes, string description, bool billable)
    {
        TicketId = target.TicketId;
        ClientId = target.ClientId;
        WorkDate = workDate;
        DurationMinutes = durationMinutes;
        Description = description;
        Billable = billable;
    }

    private void EnsureOwnerMayChange(Guid actorId, string action)
    {
        EnsureNotInvoiced();
        EnsureOwner(actorId, action);
        if (Status is not (TimeEntryStatus.Draft or TimeEntryStatus.Rejected))
        {
            throw new BusinessException(PsaErrorCodes.TimeEntryNotEditable,
                $"Only Draft or Rejected entries can be changed; this one is {Status}.");
        }
    }

    private void EnsureReviewable(Guid reviewerId, bool selfReviewAllowed, string action, TimeEntryStatus required)
    {
        EnsureNotInvoiced();
        if (Status != required)
        {
            throw NotAllowed(action, required.ToString());
        }

        if (reviewerId == TechnicianId && !selfReviewAllowed)
        {
            throw new BusinessException(PsaErrorCodes.SelfApprovalNotAllowed,
                $"You cannot {action} your own time: your organisation requires a second reviewer (Settings → allow self-approval).",
                StatusCodes.Status403Forbidden);
        }
    }

    private void EnsureOwner(Guid actorId, string action)
    {
        if (actorId != TechnicianId)
        {
            throw new BusinessException(PsaErrorCodes.TimeEntryNotOwner,
                $"Only the technician who logged this time can {action} it.", StatusCodes.Status403Forbidden);
        }
    }

    private void EnsureNotInvoiced()
    {
        if (InvoiceId is not null)
        {
            throw new BusinessException(PsaErrorCodes.TimeEntryInvoiced,
                "This entry is on an invoice and is locked. Void the invoice to change it.");
        }
    }

    private BusinessException NotAllowed(string action, string requiredStatus) =>
        new(PsaErrorCodes.TimeEntryTransitionNotAllowed, $"Cannot {action} an entry that is {Status}; only {requiredStatus} entries can be.");

    private void MoveTo(TimeEntryStatus status, Guid actorId, string action, string? reason, DateTime utcNow)
    {
        _transitions.Add(new TimeEntryTransition(Id, ++TransitionCount, actorId, action, Status, status, reason, utcNow));
        Status = status;
    }

    private void Review(Guid reviewerId, DateTime utcNow)
    {
        ReviewerId = reviewerId;
        ReviewedAt = utcNow;
    }
}

/// <summary>What an entry is for: a ticket (whose client it then also carries), a client without a ticket, or neither (internal).</summary>
internal sealed record WorkTarget(Guid? TicketId, Guid? ClientId)
{
    public static readonly WorkTarget Internal = new(null, null);

    public bool IsInternal => TicketId is null && ClientId is null;
}

/// <summary>One step of an entry's history: who moved it from which status to which, when and why.</summary>
internal sealed class TimeEntryTransition : IMultiTenant, IInsertedInBulk
{
    private TimeEntryTransition()
    {
    }

    public TimeEntryTransition(Guid timeEntryId, int step, Guid actorId, string action, TimeEntryStatus? from, TimeEntryStatus to, string? reason, DateTime at)
    {
        TimeEntryId = timeEntryId;
        Step = step;
        ActorId = actorId;
        Action = action;
        From = from;
        To = to;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid TimeEntryId { get; private set; }

    /// <summary>1 for the creation, then 2, 3... Two steps can share a timestamp (create and submit at once); never a step.</summary>
    public int Step { get; private set; }

    public Guid ActorId { get; private set; }

    /// <summary>Created, Submitted, Approved, Rejected, Reopened, Invoiced or Released.</summary>
    public string Action { get; private set; } = string.Empty;

    public TimeEntryStatus? From { get; private set; }

    public TimeEntryStatus To { get; private set; }

    public string? Reason { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>
/// One row per technician, taken (and incremented) at the start of every write of their time: their concurrent
/// requests take turns, so the "at most 24 hours a day" check always sees what the other request wrote.
/// </summary>
internal sealed class TechnicianTimeLock
{
    public Guid TenantId { get; private set; }

    public Guid TechnicianId { get; private set; }

    public long Version { get; private set; }
}

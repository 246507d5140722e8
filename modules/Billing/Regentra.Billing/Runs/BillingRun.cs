using Regentra.Billing.Contracts.Runs;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Runs;

internal enum RunTrigger
{
    Scheduled,
    Manual,
}

/// <summary>
/// One month-end invoicing pass over a tenant's clients, with live counts so its progress can be watched.
/// At most one scheduled run exists per tenant and month (a unique index), and a client's invoice for a period
/// exists at most once whatever happens, so running again only completes what is missing.
/// </summary>
internal sealed class BillingRun : AuditedAggregateRoot, IMultiTenant
{
    private BillingRun()
    {
    }

    public BillingRun(int year, int month, RunTrigger trigger)
    {
        Year = year;
        Month = month;
        PeriodStart = new DateOnly(year, month, 1);
        PeriodEnd = PeriodStart.AddMonths(1);
        Trigger = trigger;
    }

    public Guid? TenantId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public RunTrigger Trigger { get; private set; }

    public BillingRunStatus Status { get; private set; } = BillingRunStatus.Queued;

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Clients the run set out to invoice. Progress and outcomes are counted from its items, never kept as
    /// counters, so a run that is resumed (or briefly runs twice after a crash) can never miscount.</summary>
    public int TotalClients { get; private set; }

    public string? Error { get; private set; }

    public void Start(int totalClients, DateTime utcNow)
    {
        Status = BillingRunStatus.Running;
        StartedAt ??= utcNow;
        TotalClients = totalClients;
        FinishedAt = null;
        Error = null;
    }

    public void Finish(bool anyFailed, DateTime utcNow)
    {
        Status = anyFailed ? BillingRunStatus.CompletedWithErrors : BillingRunStatus.Completed;
        FinishedAt = utcNow;
    }

    public void Fail(string error, DateTime utcNow)
    {
        Status = BillingRunStatus.Failed;
        Error = error.Length > 4000 ? error[..4000] : error;
        FinishedAt = utcNow;
    }
}

internal enum RunOutcome
{
    Invoiced,
    Skipped,
    Failed,
}

/// <summary>What happened to one client in a run. Unique per run and client; a resumed run overwrites it.</summary>
internal sealed class BillingRunItem : IMultiTenant
{
    private BillingRunItem()
    {
    }

    public BillingRunItem(Guid runId, Guid clientId, string clientName)
    {
        RunId = runId;
        ClientId = clientId;
        ClientName = clientName;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid RunId { get; private set; }

    public Guid ClientId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    public RunOutcome Outcome { get; private set; }

    public Guid? InvoiceId { get; private set; }

    public bool Sent { get; private set; }

    public string? Message { get; private set; }

    public DateTime At { get; private set; }

    public void Record(RunOutcome outcome, Guid? invoiceId, bool sent, string? message, DateTime utcNow)
    {
        (Outcome, InvoiceId, Sent, Message, At) = (outcome, invoiceId, sent, message, utcNow);
    }
}

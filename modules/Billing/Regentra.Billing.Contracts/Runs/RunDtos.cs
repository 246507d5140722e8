namespace Regentra.Billing.Contracts.Runs;

public enum BillingRunStatus
{
    Queued,
    Running,
    Completed,
    CompletedWithErrors,
    Failed,
}

/// <param name="Trigger">Scheduled (after the month closed in the organisation's time zone) or Manual.</param>
public sealed record BillingRunDto(
    Guid Id,
    int Year,
    int Month,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Trigger,
    BillingRunStatus Status,
    DateTime CreationTime,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    int TotalClients,
    int Processed,
    int Invoiced,
    int Sent,
    int Skipped,
    int Failed,
    string? Error);

/// <param name="Outcome">Invoiced, Skipped or Failed.</param>
public sealed record BillingRunItemDto(Guid ClientId, string ClientName, string Outcome, Guid? InvoiceId, bool Sent, string? Message, DateTime At);

public sealed record BillingRunDetailDto(BillingRunDto Run, IReadOnlyList<BillingRunItemDto> Items);

public sealed record StartBillingRunRequest(int? Year, int? Month);

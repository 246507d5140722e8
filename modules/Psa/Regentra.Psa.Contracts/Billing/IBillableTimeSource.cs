namespace Regentra.Psa.Contracts.Billing;

/// <summary>An approved, billable, not yet invoiced entry, with what an invoice line needs.</summary>
/// <param name="Version">
/// Changes whenever the entry does (each step of its history). Locking compares it, so an entry reopened, edited and
/// approved again after it was read is not billed from the stale read.
/// </param>
public sealed record BillableTimeEntry(
    Guid Id,
    DateOnly WorkDate,
    Guid TechnicianId,
    string TechnicianName,
    Guid? TicketId,
    string? TicketNumber,
    string Description,
    int DurationMinutes,
    int Version);

/// <summary>Time in a period that will not be billed, and why (for the invoice preview's warnings).</summary>
/// <param name="NotApprovedCount">Draft, Submitted or Rejected billable entries.</param>
/// <param name="NonBillableCount">Entries marked non-billable, whatever their status.</param>
public sealed record UnbillableTimeSummary(int NotApprovedCount, int NotApprovedMinutes, int NonBillableCount, int NonBillableMinutes);

/// <summary>
/// Integration service: Billing reads and locks PSA time through this, in the current tenant and inside the
/// caller's transaction (the unified DbContext), so an invoice and the entries it locks commit together.
/// Periods are half-open: [periodStart, periodEnd).
/// </summary>
public interface IBillableTimeSource
{
    Task<IReadOnlyList<BillableTimeEntry>> GetBillableEntriesAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default);

    /// <summary>The same for many clients in one query (the month-end run), keyed by client; clients without entries are absent.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<BillableTimeEntry>>> GetBillableEntriesAsync(
        IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default);

    /// <summary>Clients with approved, billable, not yet invoiced time in the period.</summary>
    Task<IReadOnlyList<Guid>> GetClientsWithBillableTimeAsync(DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default);

    Task<UnbillableTimeSummary> SummarizeUnbillableAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default);

    /// <summary>The same for many clients in one query, keyed by client; clients with nothing to report are absent.</summary>
    Task<IReadOnlyDictionary<Guid, UnbillableTimeSummary>> SummarizeUnbillableAsync(
        IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks each invoice's entries invoiced by it, with as few guarded UPDATEs as the batch allows. Throws a 409
    /// (<see cref="PsaErrorCodes.TimeEntriesNotInvoiceable"/>) and marks nothing unless every entry is still at the
    /// version it was read, approved, billable, not invoiced, and the invoice's client's time inside its period: an entry
    /// reopened or edited since the preview is never billed by accident. Runs inside the caller's transaction, so a
    /// refusal rolls back with it.
    /// </summary>
    Task MarkInvoicedAsync(IReadOnlyCollection<TimeToInvoice> invoices, CancellationToken cancellationToken = default);

    /// <summary>Frees the entries of a voided or deleted invoice; returns how many were released.</summary>
    Task<int> ReleaseAsync(InvoicedTime invoice, CancellationToken cancellationToken = default);
}

/// <summary>
/// An invoice's claim on time: the entries it locks are always its client's, inside its period [PeriodStart,
/// PeriodEnd). Locking enforces that, so releasing finds them through the client's own index.
/// </summary>
public sealed record InvoicedTime(Guid InvoiceId, Guid ClientId, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>The entries an invoice locks, each with the <see cref="BillableTimeEntry.Version"/> it was read at.</summary>
public sealed record TimeToInvoice(InvoicedTime Invoice, IReadOnlyCollection<EntryVersion> Entries);

/// <summary>An entry as it was read: locking refuses it if it has changed since.</summary>
public readonly record struct EntryVersion(Guid Id, int Version);

/// <summary>A client as Billing sees it.</summary>
public sealed record ClientInfo(Guid Id, string Name, string? BillingEmail, string? Address, string Currency, bool IsActive);

/// <summary>Integration service: client lookups for Billing, in the current tenant.</summary>
public interface IClientDirectory
{
    Task<ClientInfo?> FindAsync(Guid clientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ClientInfo>> GetManyAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default);
}

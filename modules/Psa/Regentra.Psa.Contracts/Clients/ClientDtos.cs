namespace Regentra.Psa.Contracts.Clients;

public sealed record ClientDto(
    Guid Id,
    string Name,
    string? BillingEmail,
    string? Address,
    string Currency,
    string? Notes,
    bool BillableByDefault,
    bool IsActive,
    DateTime CreationTime,
    string ConcurrencyStamp);

/// <param name="Currency">ISO 4217; defaults to the organisation's currency.</param>
/// <param name="BillableByDefault">Whether time logged for the client starts out billable; true when left out.</param>
public sealed record CreateClientRequest(string? Name, string? BillingEmail, string? Address, string? Currency, string? Notes, bool? BillableByDefault = null);

/// <param name="ConcurrencyStamp">The stamp read with the client; a stale one answers 409.</param>
/// <param name="BillableByDefault">Left out: unchanged.</param>
public sealed record UpdateClientRequest(
    string? Name, string? BillingEmail, string? Address, string? Currency, string? Notes, string? ConcurrencyStamp, bool? BillableByDefault = null);

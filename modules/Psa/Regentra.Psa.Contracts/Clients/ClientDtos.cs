namespace Regentra.Psa.Contracts.Clients;

public sealed record ClientDto(
    Guid Id,
    string Name,
    string? BillingEmail,
    string? Address,
    string Currency,
    string? Notes,
    bool IsActive,
    DateTime CreationTime,
    string ConcurrencyStamp);

/// <param name="Currency">ISO 4217; defaults to the organisation's currency.</param>
public sealed record CreateClientRequest(string? Name, string? BillingEmail, string? Address, string? Currency, string? Notes);

/// <param name="ConcurrencyStamp">The stamp read with the client; a stale one answers 409.</param>
public sealed record UpdateClientRequest(string? Name, string? BillingEmail, string? Address, string? Currency, string? Notes, string? ConcurrencyStamp);

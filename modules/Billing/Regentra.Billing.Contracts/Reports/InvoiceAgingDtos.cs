namespace Regentra.Billing.Contracts.Reports;

/// <summary>What is still owed, by how far past its due date: Current (not yet due), 1–30, 31–60, 61–90 and over 90 days.</summary>
public sealed record AgingAmountsDto(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total, int Invoices);

/// <param name="OldestDueDate">The earliest due date among the client's open invoices.</param>
public sealed record AgingClientDto(Guid ClientId, string ClientName, string Currency, AgingAmountsDto Amounts, DateOnly OldestDueDate);

/// <summary>Open invoices (sent, not paid, not void) as of a date. Amounts in different currencies are never added together.</summary>
/// <param name="Totals">One row per currency.</param>
/// <param name="Clients">One row per client and currency, most overdue first.</param>
public sealed record InvoiceAgingDto(DateOnly AsOf, IReadOnlyList<AgingCurrencyDto> Totals, IReadOnlyList<AgingClientDto> Clients);

public sealed record AgingCurrencyDto(string Currency, AgingAmountsDto Amounts);

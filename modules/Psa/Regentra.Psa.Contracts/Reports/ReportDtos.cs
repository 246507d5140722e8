namespace Regentra.Psa.Contracts.Reports;

/// <param name="Key">Technician or client id; null for internal time when grouped by client.</param>
/// <param name="UtilizationPercent">Billable ÷ total hours × 100, rounded to one decimal; 0 when there is no time.</param>
public sealed record UtilizationRowDto(
    Guid? Key,
    string Name,
    decimal TotalHours,
    decimal BillableHours,
    decimal NonBillableHours,
    decimal UtilizationPercent);

public sealed record UtilizationReportDto(
    DateOnly From,
    DateOnly To,
    string GroupBy,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<UtilizationRowDto> Rows,
    UtilizationRowDto Total);

public sealed record UnbilledClientDto(Guid ClientId, string ClientName, int EntryCount, decimal Hours, DateOnly OldestWorkDate, DateOnly NewestWorkDate);

public sealed record UnbilledReportDto(IReadOnlyList<UnbilledClientDto> Clients, int EntryCount, decimal Hours);

using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Invoices.Calculation;

/// <summary>An agreement's terms as the calculator needs them. <see cref="To"/> is exclusive.</summary>
internal sealed record AgreementTerms(
    Guid? Id,
    AgreementType Type,
    DateOnly From,
    DateOnly? To,
    decimal? HourlyRate,
    decimal? MonthlyFee,
    string? Scope,
    decimal? IncludedHours,
    decimal? OverageRate,
    bool Rollover,
    RoundingRule? Rounding)
{
    public bool Covers(DateOnly day) => day >= From && (To is null || day < To);
}

/// <summary>An approved billable entry, as read from PSA.</summary>
internal sealed record EntryToBill(Guid Id, DateOnly WorkDate, string TechnicianName, string? TicketNumber, string Description, int Minutes);

/// <param name="DefaultHourlyRate">The organisation's rate for days without an agreement; null when it cannot apply (another currency).</param>
/// <param name="RolledInHours">Unused block hours carried from the previous month's invoice.</param>
internal sealed record CalculationInput(
    DateOnly From,
    DateOnly To,
    string Currency,
    decimal TaxRatePercent,
    decimal? DefaultHourlyRate,
    IReadOnlyList<AgreementTerms> Agreements,
    IReadOnlyList<EntryToBill> Entries,
    decimal RolledInHours);

internal sealed record CalculatedLine(
    InvoiceLineKind Kind,
    DateOnly? Date,
    string? TechnicianName,
    string? TicketNumber,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    long AmountMinor,
    int? ActualMinutes,
    int? BilledMinutes,
    Guid? TimeEntryId);

internal sealed record BlockUsage(decimal IncludedHours, decimal RolledInHours, decimal UsedHours, decimal OverageHours, decimal CarriedOutHours);

/// <param name="LockedEntryIds">Every entry the invoice accounts for (charged, covered by a fee, or drawn from a block): locked to it.</param>
/// <param name="DefaultRateMinutes">Minutes billed at the default rate because no agreement covered their day.</param>
internal sealed record InvoiceCalculation(
    IReadOnlyList<CalculatedLine> Lines,
    long SubtotalMinor,
    long TaxMinor,
    long TotalMinor,
    IReadOnlyList<Guid> LockedEntryIds,
    int CoveredMinutes,
    int DefaultRateMinutes,
    int DefaultRateEntries,
    BlockUsage? Block)
{
    public static InvoiceCalculation Of(IReadOnlyList<CalculatedLine> lines, decimal taxRatePercent, IReadOnlyList<Guid> locked, int covered,
        int defaultMinutes, int defaultEntries, BlockUsage? block)
    {
        var subtotal = lines.Sum(l => l.AmountMinor);
        var tax = Regentra.Framework.Money.MoneyMath.TaxMinor(subtotal, taxRatePercent);
        return new InvoiceCalculation(lines, subtotal, tax, subtotal + tax, locked, covered, defaultMinutes, defaultEntries, block);
    }
}

namespace Regentra.Billing.Contracts.Agreements;

/// <summary>
/// Hourly: every approved billable entry at the hourly rate. MonthlyRecurring: a fixed fee for a described scope;
/// time is tracked but not charged line by line. BlockHours: a fee for N included hours a month, overage above
/// them, and optionally unused hours carried into the next month (one month only).
/// </summary>
public enum AgreementType
{
    Hourly,
    MonthlyRecurring,
    BlockHours,
}

/// <summary>Billed minutes of each entry: rounded up to a multiple of IncrementMinutes, then at least MinimumMinutes. Actual minutes are kept.</summary>
public sealed record RoundingRule(int IncrementMinutes, int MinimumMinutes);

/// <param name="EffectiveTo">Exclusive; null while the agreement runs on.</param>
public sealed record AgreementDto(
    Guid Id,
    Guid ClientId,
    AgreementType Type,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Currency,
    decimal? HourlyRate,
    decimal? MonthlyFee,
    string? Scope,
    decimal? IncludedHours,
    decimal? OverageRate,
    bool Rollover,
    RoundingRule? Rounding,
    bool AutoInvoice,
    bool AutoSend,
    DateTime CreationTime,
    string ConcurrencyStamp);

/// <summary>The agreement in effect today, or none: then time bills hourly at the organisation's default rate.</summary>
public sealed record CurrentAgreementDto(AgreementDto? Agreement, decimal DefaultHourlyRate, string Currency);

/// <summary>
/// Sets the client's agreement from EffectiveFrom on. The same start date edits the current agreement; a later
/// start ends the current one the day before and begins the new one; an earlier start that would overlap is refused.
/// </summary>
public sealed record PutAgreementRequest(
    AgreementType? Type,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal? HourlyRate,
    decimal? MonthlyFee,
    string? Scope,
    decimal? IncludedHours,
    decimal? OverageRate,
    bool Rollover,
    RoundingRule? Rounding,
    bool AutoInvoice,
    bool AutoSend,
    string? ConcurrencyStamp = null);

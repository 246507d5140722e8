using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Invoices.Calculation;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Agreements;

/// <summary>A client's service agreement for [EffectiveFrom, EffectiveTo). A client's agreements never overlap.</summary>
internal sealed class Agreement : AuditedAggregateRoot, IMultiTenant
{
    private Agreement()
    {
    }

    public Agreement(Guid clientId, string currency, AgreementSpec spec)
    {
        ClientId = clientId;
        Currency = currency;
        Set(spec);
    }

    public Guid? TenantId { get; private set; }

    public Guid ClientId { get; private set; }

    public AgreementType Type { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateOnly? EffectiveTo { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public decimal? HourlyRate { get; private set; }

    public decimal? MonthlyFee { get; private set; }

    public string? Scope { get; private set; }

    public decimal? IncludedHours { get; private set; }

    public decimal? OverageRate { get; private set; }

    public bool Rollover { get; private set; }

    public int? RoundingIncrementMinutes { get; private set; }

    public int? RoundingMinimumMinutes { get; private set; }

    public bool AutoInvoice { get; private set; }

    public bool AutoSend { get; private set; }

    public RoundingRule? Rounding => RoundingIncrementMinutes is null && RoundingMinimumMinutes is null
        ? null
        : new RoundingRule(RoundingIncrementMinutes ?? 0, RoundingMinimumMinutes ?? 0);

    public bool Covers(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day < EffectiveTo);

    /// <summary>Replaces the terms. Fields that do not apply to the type are cleared, so what is stored is what bills.</summary>
    public void Set(AgreementSpec spec)
    {
        Type = spec.Type;
        EffectiveFrom = spec.EffectiveFrom;
        EffectiveTo = spec.EffectiveTo;
        HourlyRate = spec.Type == AgreementType.Hourly ? spec.HourlyRate : null;
        MonthlyFee = spec.Type == AgreementType.Hourly ? null : spec.MonthlyFee;
        Scope = spec.Type == AgreementType.Hourly ? null : spec.Scope;
        IncludedHours = spec.Type == AgreementType.BlockHours ? spec.IncludedHours : null;
        OverageRate = spec.Type == AgreementType.BlockHours ? spec.OverageRate : null;
        Rollover = spec.Type == AgreementType.BlockHours && spec.Rollover;
        RoundingIncrementMinutes = spec.Rounding?.IncrementMinutes;
        RoundingMinimumMinutes = spec.Rounding?.MinimumMinutes;
        AutoInvoice = spec.AutoInvoice;
        AutoSend = spec.AutoInvoice && spec.AutoSend;
    }

    /// <summary>Ends the agreement on <paramref name="day"/> (exclusive) because a newer one starts then.</summary>
    public void EndOn(DateOnly day) => EffectiveTo = day;

    public AgreementTerms ToTerms() =>
        new(Id, Type, EffectiveFrom, EffectiveTo, HourlyRate, MonthlyFee, Scope, IncludedHours, OverageRate, Rollover, Rounding);
}

/// <summary>Validated agreement terms from a request.</summary>
internal sealed record AgreementSpec(
    AgreementType Type,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal? HourlyRate,
    decimal? MonthlyFee,
    string? Scope,
    decimal? IncludedHours,
    decimal? OverageRate,
    bool Rollover,
    RoundingRule? Rounding,
    bool AutoInvoice,
    bool AutoSend);

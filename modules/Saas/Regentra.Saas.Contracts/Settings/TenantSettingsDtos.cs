namespace Regentra.Saas.Contracts.Settings;

/// <param name="TimeZone">IANA id, e.g. Europe/London. Work dates and the month-end run follow it.</param>
/// <param name="Currency">ISO 4217 code; the default for new clients.</param>
/// <param name="InvoicePrefix">Invoice numbers read {prefix}-{yyyy}-{00001}.</param>
/// <param name="TaxRatePercent">Applied to invoice subtotals, e.g. 20 or 8.875.</param>
/// <param name="DefaultHourlyRate">Billed for clients without an agreement.</param>
/// <param name="AllowSelfApproval">Whether reviewers may approve their own time.</param>
public sealed record TenantSettingsDto(
    string OrganizationName,
    string? Address,
    string TimeZone,
    string Currency,
    string InvoicePrefix,
    int PaymentTermsDays,
    decimal TaxRatePercent,
    decimal DefaultHourlyRate,
    bool AllowSelfApproval,
    string ConcurrencyStamp);

/// <param name="ConcurrencyStamp">The stamp read with the settings; a stale one answers 409 instead of overwriting someone else's change.</param>
public sealed record UpdateTenantSettingsRequest(
    string? OrganizationName,
    string? Address,
    string? TimeZone,
    string? Currency,
    string? InvoicePrefix,
    int PaymentTermsDays,
    decimal TaxRatePercent,
    decimal DefaultHourlyRate,
    bool AllowSelfApproval,
    string? ConcurrencyStamp);

/// <summary>Integration service: the current tenant's settings, for other modules (cached).</summary>
public interface ITenantSettingsProvider
{
    Task<TenantSettingsDto> GetAsync(CancellationToken cancellationToken = default);
}

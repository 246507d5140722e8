using Regentra.Saas.Contracts.Settings;

namespace Regentra.Saas.Tests;

internal static class TestData
{
    /// <summary>An update that keeps every setting as read (with its concurrency stamp); change fields with <c>with</c>.</summary>
    public static UpdateTenantSettingsRequest AsUpdate(this TenantSettingsDto s) =>
        new(s.OrganizationName, s.Address, s.TimeZone, s.Currency, s.InvoicePrefix, s.PaymentTermsDays,
            s.TaxRatePercent, s.DefaultHourlyRate, s.AllowSelfApproval, s.ConcurrencyStamp);

    public static Task<TenantSettingsDto> GetSettingsAsync(this HttpClient client) => client.GetAsync<TenantSettingsDto>("/api/saas/settings");
}

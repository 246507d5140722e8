using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Settings;

/// <summary>One row per tenant: the organisation-wide defaults billing and time tracking read.</summary>
internal sealed class TenantSettings : AuditedAggregateRoot, IMultiTenant
{
    public const string DefaultTimeZone = "UTC";
    public const string DefaultCurrency = "USD";
    public const string DefaultInvoicePrefix = "INV";
    public const int DefaultPaymentTermsDays = 30;

    private TenantSettings()
    {
    }

    public TenantSettings(Guid tenantId, string? timeZone, string? currency)
    {
        TenantId = tenantId;
        TimeZone = timeZone ?? DefaultTimeZone;
        Currency = currency ?? DefaultCurrency;
    }

    public Guid? TenantId { get; private set; }

    public string? Address { get; private set; }

    public string TimeZone { get; private set; } = DefaultTimeZone;

    public string Currency { get; private set; } = DefaultCurrency;

    public string InvoicePrefix { get; private set; } = DefaultInvoicePrefix;

    public int PaymentTermsDays { get; private set; } = DefaultPaymentTermsDays;

    public decimal TaxRatePercent { get; private set; }

    public decimal DefaultHourlyRate { get; private set; }

    /// <summary>Off by default: a reviewer's own time normally needs a second pair of eyes.</summary>
    public bool AllowSelfApproval { get; private set; }

    public void Update(string? address, string timeZone, string currency, string invoicePrefix, int paymentTermsDays,
        decimal taxRatePercent, decimal defaultHourlyRate, bool allowSelfApproval)
    {
        Address = address;
        TimeZone = timeZone;
        Currency = currency;
        InvoicePrefix = invoicePrefix;
        PaymentTermsDays = paymentTermsDays;
        TaxRatePercent = taxRatePercent;
        DefaultHourlyRate = defaultHourlyRate;
        AllowSelfApproval = allowSelfApproval;
    }
}

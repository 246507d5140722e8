using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Psa.Clients;

/// <summary>A customer of the MSP. Never deleted once it has tickets or time; deactivated instead.</summary>
internal sealed class Client : AuditedAggregateRoot, IMultiTenant
{
    private Client()
    {
    }

    public Client(string name, string? billingEmail, string? address, string currency, string? notes, bool billableByDefault)
    {
        Update(name, billingEmail, address, currency, notes, billableByDefault);
    }

    public Guid? TenantId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Upper-cased name: unique per tenant, so "Acme" and "ACME " are the same client.</summary>
    public string NormalizedName { get; private set; } = string.Empty;

    public string? BillingEmail { get; private set; }

    public string? Address { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public string? Notes { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Whether time for this client (on its tickets or not) is billable unless the technician says otherwise.</summary>
    public bool BillableByDefault { get; private set; } = true;

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    public void Update(string name, string? billingEmail, string? address, string currency, string? notes, bool billableByDefault)
    {
        BillableByDefault = billableByDefault;
        Name = name.Trim();
        NormalizedName = Normalize(name);
        BillingEmail = Blank(billingEmail);
        Address = Blank(address);
        Currency = currency;
        Notes = Blank(notes);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

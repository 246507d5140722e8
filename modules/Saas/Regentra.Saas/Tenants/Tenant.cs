using Regentra.Framework.Data;

namespace Regentra.Saas.Tenants;

/// <summary>An MSP's organisation. Host-owned (it is not itself multi-tenant); its id is every tenant row's TenantId.</summary>
internal sealed class Tenant : AuditedAggregateRoot
{
    private Tenant()
    {
    }

    public Tenant(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Lower-case URL-safe identifier users type at sign-in. Unique, never changes.</summary>
    public string Slug { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public DateTime? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public void Rename(string name) => Name = name;

    public void Suspend(string? reason, DateTime utcNow)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        SuspendedAt = utcNow;
        SuspensionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public void Reactivate()
    {
        IsActive = true;
        SuspendedAt = null;
        SuspensionReason = null;
    }
}

using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Roles;

/// <summary>
/// Records that a permission's default grants were applied in a tenant, so a permission added by a later
/// release reaches existing tenants exactly once, and an admin who later revokes it is not overruled.
/// </summary>
internal sealed class PermissionSeed : IMultiTenant
{
    private PermissionSeed()
    {
    }

    public PermissionSeed(Guid tenantId, string permissionName)
    {
        TenantId = tenantId;
        PermissionName = permissionName;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public string PermissionName { get; private set; } = string.Empty;
}

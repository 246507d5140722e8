namespace Regentra.Framework.MultiTenancy;

/// <summary>
/// Marks an entity owned by a tenant. <c>null</c> means the entity belongs to the host.
/// Every such entity gets the "Tenant" query filter and has its TenantId stamped on insert.
/// </summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}

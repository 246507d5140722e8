namespace Regentra.Framework.MultiTenancy;

/// <summary>
/// A multi-tenant entity whose rows may also belong to the host (TenantId null): users and roles of host operators,
/// host-side permission seeds. Its unique indexes over TenantId get a companion that makes them hold among host rows
/// too. Every other multi-tenant entity is tenant-only: inserting one without a tenant is refused.
/// </summary>
public interface IHostScoped : IMultiTenant;

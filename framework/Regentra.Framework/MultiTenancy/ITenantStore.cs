namespace Regentra.Framework.MultiTenancy;

/// <summary>What the framework needs to know about a tenant to let a request act for it.</summary>
public sealed record TenantInfo(Guid Id, string Name, string Slug, bool IsActive);

/// <summary>Looks tenants up by id (implemented by the Saas module, cached).</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}

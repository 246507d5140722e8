using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Caching;
using Regentra.Saas.Caching;
using Regentra.Saas.Data;

namespace Regentra.Saas.Tenants;

/// <summary>Tenant lookups for every authenticated request, cached briefly and dropped on any change made here.</summary>
internal sealed class TenantStore(ISaasDbContext db, IMemoryCache cache, ICacheSignals signals, IOptions<SaasOptions> options) : ITenantStore
{
    public async Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey(id), out TenantInfo? cached))
        {
            return cached;
        }

        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new TenantInfo(t.Id, t.Name, t.Slug, t.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(CacheKey(id), tenant, TimeSpan.FromSeconds(options.Value.AccessCacheSeconds));
        return tenant;
    }

    /// <summary>After a rename, suspension or reactivation: dropped here and on every other host.</summary>
    public void Invalidate(Guid id) => signals.Publish(SaasCacheRegions.TenantChanged(id));

    internal static (string, Guid) CacheKey(Guid id) => ("saas:tenant", id);
}

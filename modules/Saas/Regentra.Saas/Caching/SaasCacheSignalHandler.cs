using Microsoft.Extensions.Caching.Memory;
using Regentra.Framework.Caching;
using Regentra.Saas.Branding;
using Regentra.Saas.Identity;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Caching;

/// <summary>Drops the Saas caches' entries a signal names, on whichever host it arrives.</summary>
internal sealed class SaasCacheSignalHandler(IMemoryCache cache, UserAccessGenerations generations) : ICacheSignalHandler
{
    public void Apply(CacheSignal signal)
    {
        switch (signal.Region)
        {
            case CacheSignal.Everything:
                generations.BumpAll();
                if (cache is MemoryCache memory)
                {
                    memory.Clear();
                }

                break;
            case SaasCacheRegions.Session:
                cache.Remove(DatabaseTicketStore.CacheKey(signal.Key));
                break;
            case SaasCacheRegions.UserAccess:
                var parts = signal.Key.Split('/');
                var tenantId = SaasCacheRegions.TenantOf(parts[0]);
                cache.Remove(UserAccessCache.CacheKey(tenantId, generations.Get(tenantId), Guid.ParseExact(parts[1], "N")));
                break;
            case SaasCacheRegions.TenantAccess:
                generations.Bump(SaasCacheRegions.TenantOf(signal.Key));
                break;
            case SaasCacheRegions.Tenant:
                cache.Remove(TenantStore.CacheKey(SaasCacheRegions.TenantOf(signal.Key)!.Value));
                break;
            case SaasCacheRegions.Settings:
                cache.Remove(TenantSettingsProvider.CacheKey(SaasCacheRegions.TenantOf(signal.Key)!.Value));
                break;
            case SaasCacheRegions.Logo:
                cache.Remove(TenantBranding.CacheKey(SaasCacheRegions.TenantOf(signal.Key)!.Value));
                break;
        }
    }
}

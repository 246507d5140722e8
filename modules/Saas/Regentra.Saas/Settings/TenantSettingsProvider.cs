using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Settings;
using Regentra.Framework.Caching;
using Regentra.Saas.Caching;
using Regentra.Saas.Data;

namespace Regentra.Saas.Settings;

/// <summary>The current tenant's settings for endpoints and other modules; cached, dropped on update on every host.</summary>
internal sealed class TenantSettingsProvider(ISaasDbContext db, ICurrentTenant currentTenant, IMemoryCache cache, ICacheSignals signals, IOptions<SaasOptions> options)
    : ITenantSettingsProvider
{
    public async Task<TenantSettingsDto> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Tenant settings were asked for outside a tenant.");
        return cache.TryGetValue(CacheKey(tenantId), out TenantSettingsDto? cached) && cached is not null
            ? cached
            : await ReadAsync(cancellationToken);
    }

    /// <summary>
    /// Straight from the database, for the settings screen and its saves: what carries a concurrencyStamp is never
    /// served from a cache another host may not have dropped yet.
    /// </summary>
    public async Task<TenantSettingsDto> ReadAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Tenant settings were asked for outside a tenant.");
        var settings = await Query(tenantId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("TenantSettings", tenantId);
        cache.Set(CacheKey(tenantId), settings, TimeSpan.FromSeconds(options.Value.AccessCacheSeconds));
        return settings;
    }

    /// <summary>After a save: dropped here and on every other host.</summary>
    public void Invalidate(Guid tenantId) => signals.Publish(SaasCacheRegions.SettingsChanged(tenantId));

    private IQueryable<TenantSettingsDto> Query(Guid tenantId) =>
        from s in db.TenantSettings.AsNoTracking()
        join t in db.Tenants on s.TenantId equals t.Id
        where t.Id == tenantId
        select new TenantSettingsDto(t.Name, s.Address, s.TimeZone, s.Currency, s.InvoicePrefix, s.PaymentTermsDays,
            s.TaxRatePercent, s.DefaultHourlyRate, s.AllowSelfApproval, s.ConcurrencyStamp);

    internal static (string, Guid) CacheKey(Guid tenantId) => ("saas:settings", tenantId);
}

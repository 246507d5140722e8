using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Settings;
using Regentra.Framework.Caching;
using Regentra.Saas.Caching;
using Regentra.Saas.Data;

namespace Regentra.Saas.Branding;

/// <summary>Uploads, replaces and removes the organisation's logo, and hands it to other modules (cached, dropped on change).</summary>
internal sealed class TenantBranding(ISaasDbContext db, ICurrentTenant currentTenant, IMemoryCache cache, ICacheSignals signals, IOptions<SaasOptions> options) : ITenantBranding
{
    public async Task<TenantLogoDto?> GetLogoAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("The logo was asked for outside an organisation.");
        if (cache.TryGetValue(CacheKey(tenantId), out TenantLogoDto? cached))
        {
            return cached;
        }

        var logo = await db.TenantLogos.AsNoTracking().Select(l => new TenantLogoDto(l.ContentType, l.Content, l.Version)).FirstOrDefaultAsync(cancellationToken);
        cache.Set(CacheKey(tenantId), logo, TimeSpan.FromSeconds(options.Value.AccessCacheSeconds));
        return logo;
    }

    /// <summary>Checks the image (PNG or JPEG, size and dimensions) and makes it the logo.</summary>
    public async Task<TenantLogoDto> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var (contentType, error) = LogoImage.Check(content);
        if (error is not null)
        {
            throw ValidationException.For("logo", error);
        }

        var logo = await db.TenantLogos.FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            db.TenantLogos.Add(logo = new TenantLogo(contentType!, content));
        }
        else
        {
            logo.Replace(contentType!, content);
        }

        await db.SaveChangesAsync(cancellationToken);
        signals.Publish(SaasCacheRegions.LogoChanged(currentTenant.Id!.Value));
        return new TenantLogoDto(logo.ContentType, logo.Content, logo.Version);
    }

    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await db.TenantLogos.ExecuteDeleteAsync(cancellationToken);
        signals.Publish(SaasCacheRegions.LogoChanged(currentTenant.Id!.Value));
    }

    internal static (string, Guid) CacheKey(Guid tenantId) => ("saas:logo", tenantId);
}

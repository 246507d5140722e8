using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Saas.Data;

namespace Regentra.Saas.Tenants;

/// <summary>Host side: every active organisation with its time zone (the settings read across tenants on purpose).</summary>
internal sealed class TenantDirectory(ISaasDbContext db) : ITenantDirectory
{
    public async Task<IReadOnlyList<ActiveTenant>> GetActiveAsync(CancellationToken cancellationToken = default) =>
        await (
            from t in db.Tenants.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
            join s in db.TenantSettings on t.Id equals s.TenantId
            where t.IsActive
            orderby t.CreationTime
            select new ActiveTenant(t.Id, t.Name, s.TimeZone, t.CreationTime))
            .ToListAsync(cancellationToken);
}

/// <summary>Today and the time zone of the current organisation, from its (cached) settings.</summary>
internal sealed class TenantClock(ITenantSettingsProvider settings, TimeProvider clock) : ITenantClock
{
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken = default) =>
        TimeZoneInfo.FindSystemTimeZoneById((await settings.GetAsync(cancellationToken)).TimeZone);

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await TimeZoneAsync(cancellationToken)).DateTime);
}

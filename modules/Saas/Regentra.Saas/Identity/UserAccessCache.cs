using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Regentra.Framework.Caching;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Saas.Caching;
using Regentra.Saas.Data;

namespace Regentra.Saas.Identity;

/// <summary>What every authenticated request needs to know about its user, loaded in two small queries and cached.</summary>
internal sealed record UserAccess(bool IsActive, string? SecurityStamp, IReadOnlyList<string> Roles, IReadOnlySet<string> Permissions);

/// <summary>Per-tenant counters; bumping one makes every cached access entry of that tenant stale at once.</summary>
internal sealed class UserAccessGenerations
{
    private readonly ConcurrentDictionary<Guid, int> _generations = new();

    public int Get(Guid? tenantId) => _generations.GetValueOrDefault(tenantId ?? Guid.Empty);

    public void Bump(Guid? tenantId) => _generations.AddOrUpdate(tenantId ?? Guid.Empty, 1, (_, g) => g + 1);

    /// <summary>Every tenant's entries stale at once (a host that may have missed signals).</summary>
    public void BumpAll()
    {
        foreach (var tenantId in _generations.Keys)
        {
            _generations.AddOrUpdate(tenantId, 1, (_, g) => g + 1);
        }
    }
}

/// <summary>
/// Caches <see cref="UserAccess"/> for the current tenant. Reads go through the tenant filter, so a token
/// whose user is not in the tenant it claims simply finds nobody.
/// </summary>
internal sealed class UserAccessCache(
    ISaasDbContext db,
    IMemoryCache cache,
    ICurrentTenant currentTenant,
    UserAccessGenerations generations,
    ICacheSignals signals,
    PermissionDefinitionManager definitions,
    IOptions<SaasOptions> options) : IPermissionStore
{
    public async Task<UserAccess?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out UserAccess? cached))
        {
            return cached;
        }

        var access = await LoadAsync(userId, cancellationToken);
        cache.Set(key, access, TimeSpan.FromSeconds(options.Value.AccessCacheSeconds));
        return access;
    }

    public async Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await GetAsync(userId, cancellationToken))?.Permissions ?? new HashSet<string>();

    /// <summary>After a change to the user (active, security stamp, roles): reloaded on the next request, on every host.</summary>
    public void InvalidateUser(Guid userId) => signals.Publish(SaasCacheRegions.UserChanged(currentTenant.Id, userId));

    /// <summary>After a change to role grants: every user of the current tenant reloads on next request, on every host.</summary>
    public void InvalidateTenant() => signals.Publish(SaasCacheRegions.RolesChanged(currentTenant.Id));

    internal static (string, Guid, int, Guid) CacheKey(Guid? tenantId, int generation, Guid userId) =>
        ("saas:access", tenantId ?? Guid.Empty, generation, userId);

    private (string, Guid, int, Guid) Key(Guid userId) => CacheKey(currentTenant.Id, generations.Get(currentTenant.Id), userId);

    private async Task<UserAccess?> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        // One query for the user's roles and every permission those roles grant.
        var rows = await (
            from userRole in db.UserRoles
            where userRole.UserId == userId
            join role in db.Roles on userRole.RoleId equals role.Id
            from grant in db.RolePermissionGrants.Where(g => g.RoleId == role.Id).DefaultIfEmpty()
            select new { Role = role.Name!, Permission = grant == null ? null : grant.PermissionName })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var roles = rows.Select(r => r.Role).Distinct().Order(StringComparer.Ordinal).ToList();
        var permissions = rows.Where(r => r.Permission is not null).Select(r => r.Permission!).ToHashSet(StringComparer.Ordinal);
        if (currentTenant.Id is not null && roles.Contains(StandardRoles.Admin))
        {
            // An organisation's Admin holds every tenant permission, including ones added by later releases.
            permissions.UnionWith(definitions.ForSide(MultiTenancySides.Tenant).Select(p => p.Name));
        }

        return new UserAccess(user.IsActive, user.SecurityStamp, roles, permissions);
    }
}

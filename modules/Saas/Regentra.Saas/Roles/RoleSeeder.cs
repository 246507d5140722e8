using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Roles;

/// <summary>
/// Creates the standard roles of a tenant with their default grants, and brings permissions introduced by
/// later releases to existing tenants. Admin holds every tenant permission implicitly, so it needs no rows.
/// </summary>
internal sealed partial class RoleSeeder(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    PermissionDefinitionManager permissions,
    ILookupNormalizer normalizer,
    ILogger<RoleSeeder> logger)
{
    /// <summary>Adds Admin, Manager, Technician and ReadOnly with their grants to the unit of work; returns them by name.</summary>
    public Dictionary<string, AppRole> AddStandardRoles(Guid tenantId)
    {
        var roles = new Dictionary<string, AppRole>(StringComparer.Ordinal);
        foreach (var name in StandardRoles.TenantRoles)
        {
            var role = new AppRole(tenantId, name, normalizer.NormalizeName(name));
            db.Roles.Add(role);
            roles[name] = role;
        }

        foreach (var permission in TenantPermissions())
        {
            AddDefaultGrants(permission, roles);
            db.PermissionSeeds.Add(new PermissionSeed(tenantId, permission.Name));
        }

        return roles;
    }

    /// <summary>
    /// Start-up: for every tenant permission not yet seeded in a tenant, grants it to its default roles there.
    /// Safe to run on several hosts at once: the seed record is unique per tenant and permission.
    /// </summary>
    public async Task SeedNewPermissionsAsync(CancellationToken cancellationToken)
    {
        foreach (var permission in TenantPermissions())
        {
            // Host-side and across tenants on purpose: the filter is off for the whole query.
            var unseeded = await db.Tenants.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
                .Where(t => !db.PermissionSeeds.Any(s => s.TenantId == t.Id && s.PermissionName == permission.Name))
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
            foreach (var tenantId in unseeded)
            {
                await SeedAsync(tenantId, permission, cancellationToken);
            }

            if (unseeded.Count > 0)
            {
                LogSeeded(logger, permission.Name, unseeded.Count);
            }
        }
    }

    private async Task SeedAsync(Guid tenantId, PermissionDefinition permission, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(tenantId))
        {
            var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, StringComparer.Ordinal, cancellationToken);
            AddDefaultGrants(permission, roles);
            db.PermissionSeeds.Add(new PermissionSeed(tenantId, permission.Name));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
            {
                // Another host seeded this tenant at the same moment; its work stands.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void AddDefaultGrants(PermissionDefinition permission, Dictionary<string, AppRole> roles)
    {
        foreach (var roleName in permission.DefaultRoles.Where(r => r != StandardRoles.Admin))
        {
            if (roles.TryGetValue(roleName, out var role))
            {
                db.RolePermissionGrants.Add(new RolePermissionGrant(role.Id, permission.Name));
            }
        }
    }

    private IEnumerable<PermissionDefinition> TenantPermissions() => permissions.ForSide(MultiTenancySides.Tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted new permission {Permission} to its default roles in {Count} organisations")]
    private static partial void LogSeeded(ILogger logger, string permission, int count);
}

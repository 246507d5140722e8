using Microsoft.AspNetCore.Identity;
using Regentra.Framework.Permissions;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Roles;

/// <summary>Creates the standard roles of a tenant and grants each its default permissions.</summary>
internal sealed class RoleSeeder(ISaasDbContext db, PermissionDefinitionManager permissions, ILookupNormalizer normalizer)
{
    /// <summary>Adds Admin, Manager, Technician and ReadOnly with their grants to the unit of work; returns them by name.</summary>
    public IReadOnlyDictionary<string, AppRole> AddStandardRoles(Guid tenantId)
    {
        var roles = new Dictionary<string, AppRole>(StringComparer.Ordinal);
        foreach (var name in StandardRoles.TenantRoles)
        {
            var role = new AppRole(tenantId, name, normalizer.NormalizeName(name));
            db.Roles.Add(role);
            db.RolePermissionGrants.AddRange(DefaultGrants(name).Select(p => new RolePermissionGrant(role.Id, p)));
            roles[name] = role;
        }

        return roles;
    }

    /// <summary>Admin: every tenant permission. Others: the permissions that name them as a default role.</summary>
    public IEnumerable<string> DefaultGrants(string roleName) =>
        permissions.ForSide(MultiTenancySides.Tenant)
            .Where(p => roleName == StandardRoles.Admin || p.DefaultRoles.Contains(roleName))
            .Select(p => p.Name);
}

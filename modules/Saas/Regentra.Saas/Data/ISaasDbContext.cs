using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Invitations;
using Regentra.Saas.Roles;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Data;

/// <summary>The Saas module's view of the host's unified DbContext.</summary>
internal interface ISaasDbContext : IRegentraDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<TenantSettings> TenantSettings { get; }

    DbSet<Branding.TenantLogo> TenantLogos { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<RolePermissionGrant> RolePermissionGrants { get; }

    DbSet<PermissionSeed> PermissionSeeds { get; }

    DbSet<UserSession> UserSessions { get; }

    DbSet<AppUser> Users { get; }

    DbSet<AppRole> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }
}

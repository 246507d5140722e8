using Microsoft.AspNetCore.Identity;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Identity;

/// <summary>A member of one organisation (or, with a null tenant, a host operator). Signs in with email and password.</summary>
internal sealed class AppUser : IdentityUser<Guid>, IHostScoped, IHasCreationAudit
{
    private AppUser()
    {
    }

    public AppUser(Guid? tenantId, string email, string name)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserName = email;
        Email = email;
        Name = name;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid? TenantId { get; private set; }

    public string Name { get; set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    public DateTime? LastLoginTime { get; private set; }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public void RecordLogin(DateTime utcNow) => LastLoginTime = utcNow;
}

/// <summary>One of the standard roles of a tenant (or HostAdmin on the host side).</summary>
internal sealed class AppRole : IdentityRole<Guid>, IHostScoped
{
    private AppRole()
    {
    }

    public AppRole(Guid? tenantId, string name, string normalizedName)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Name = name;
        NormalizedName = normalizedName;
    }

    public Guid? TenantId { get; private set; }
}

/// <summary>A permission granted to a role. The set of a user's roles' grants is what the user may do.</summary>
internal sealed class RolePermissionGrant : IHostScoped
{
    private RolePermissionGrant()
    {
    }

    public RolePermissionGrant(Guid roleId, string permissionName)
    {
        RoleId = roleId;
        PermissionName = permissionName;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid RoleId { get; private set; }

    public string PermissionName { get; private set; } = string.Empty;
}

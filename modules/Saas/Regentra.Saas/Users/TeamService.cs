using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Permissions;
using Regentra.Framework.Users;
using Regentra.Saas.Contracts;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Users;

/// <summary>
/// Changes to membership. Three guards keep an organisation safe and manageable: nobody deactivates or
/// demotes themselves; the last active Admin can be neither deactivated nor demoted; and nobody hands out,
/// takes away or switches off a role that holds permissions they do not hold themselves (no escalation).
/// </summary>
internal sealed class TeamService(
    ISaasDbContext db,
    UserManager<AppUser> users,
    ILookupNormalizer normalizer,
    ICurrentUser currentUser,
    IHttpContextAccessor http,
    IPermissionChecker permissions,
    PermissionDefinitionManager definitions,
    UserAccessCache access)
{
    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        var newRole = await FindRoleAsync(role, cancellationToken)
            ?? throw ValidationException.For("role", $"Unknown role. Choose one of: {string.Join(", ", StandardRoles.TenantRoles)}.");
        var current = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(cancellationToken);
        if (current.Count == 1 && current[0].RoleId == newRole.Id)
        {
            return;
        }

        RefuseSelf(userId, "change your own role");
        await EnsureCallerHoldsRoleAsync(newRole, cancellationToken);
        await EnsureCallerHoldsRolesOfAsync(userId, cancellationToken);

        if (newRole.Name != StandardRoles.Admin)
        {
            await RefuseLastAdminAsync(user, "lose the Admin role", cancellationToken);
        }

        db.UserRoles.RemoveRange(current);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = newRole.Id });
        await db.SaveChangesAsync(cancellationToken);
        access.InvalidateUser(userId);
    }

    public async Task DeactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        if (!user.IsActive)
        {
            return;
        }

        RefuseSelf(userId, "deactivate yourself");
        await EnsureCallerHoldsRolesOfAsync(userId, cancellationToken);
        await RefuseLastAdminAsync(user, "be deactivated", cancellationToken);
        user.Deactivate();

        // A new security stamp ends every token the user holds, on every host; their browser sessions go too.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new BusinessException(FrameworkErrorCodes.Concurrency, "Someone else changed this member at the same time. Reload and try again.");
        }

        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        access.InvalidateUser(userId);
    }

    public async Task ReactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        await EnsureCallerHoldsRolesOfAsync(userId, cancellationToken);
        user.Reactivate();
        await db.SaveChangesAsync(cancellationToken);
        access.InvalidateUser(userId);
    }

    public Task<AppRole?> FindRoleAsync(string? name, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(name?.Trim());
        return db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
    }

    /// <summary>Refuses (403) when the role holds a permission the caller does not: handing it out would be escalation.</summary>
    public async Task EnsureCallerHoldsRoleAsync(AppRole role, CancellationToken cancellationToken)
    {
        var roleHolds = role.Name == StandardRoles.Admin
            ? definitions.ForSide(MultiTenancySides.Tenant).Select(p => p.Name).ToList()
            : await db.RolePermissionGrants.Where(g => g.RoleId == role.Id).Select(g => g.PermissionName).ToListAsync(cancellationToken);
        var callerHolds = await permissions.GetEffectivePermissionsAsync(http.HttpContext!.User, cancellationToken);
        var missing = roleHolds.Where(p => !callerHolds.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new BusinessException(SaasErrorCodes.RoleNotGrantable,
                $"The {role.Name} role holds permissions you do not have ({string.Join(", ", missing)}), so you cannot give it, take it away or deactivate its members.",
                StatusCodes.Status403Forbidden);
        }
    }

    private async Task EnsureCallerHoldsRolesOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles where ur.UserId == userId join r in db.Roles on ur.RoleId equals r.Id select r).ToListAsync(cancellationToken);
        foreach (var role in roles)
        {
            await EnsureCallerHoldsRoleAsync(role, cancellationToken);
        }
    }

    private async Task<AppUser> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new EntityNotFoundException("User", userId);

    private void RefuseSelf(Guid userId, string what)
    {
        if (userId == currentUser.Id)
        {
            throw new BusinessException(SaasErrorCodes.CannotChangeSelf, $"You cannot {what}. Ask another administrator.");
        }
    }

    private async Task RefuseLastAdminAsync(AppUser user, string what, CancellationToken cancellationToken)
    {
        var adminRoleId = await db.Roles.Where(r => r.Name == StandardRoles.Admin).Select(r => r.Id).FirstAsync(cancellationToken);
        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == adminRoleId, cancellationToken);
        if (!isAdmin || !user.IsActive)
        {
            return;
        }

        var otherActiveAdmins = await (
            from ur in db.UserRoles
            join u in db.Users on ur.UserId equals u.Id
            where ur.RoleId == adminRoleId && u.IsActive && u.Id != user.Id
            select u.Id).AnyAsync(cancellationToken);
        if (!otherActiveAdmins)
        {
            throw new BusinessException(SaasErrorCodes.LastAdmin,
                $"{user.Name} is the only active Admin and cannot {what}. Make someone else an Admin first.");
        }
    }
}

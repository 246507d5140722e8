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
/// Changes to membership. Two guards keep an organisation manageable: nobody deactivates or demotes
/// themselves, and the last active Admin can be neither deactivated nor demoted.
/// </summary>
internal sealed class TeamService(
    ISaasDbContext db,
    UserManager<AppUser> users,
    ILookupNormalizer normalizer,
    ICurrentUser currentUser,
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
        await RefuseLastAdminAsync(user, "be deactivated", cancellationToken);
        user.Deactivate();

        // A new security stamp ends every cookie and token the user holds, on every host.
        await users.UpdateSecurityStampAsync(user);
        access.InvalidateUser(userId);
    }

    public async Task ReactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        user.Reactivate();
        await db.SaveChangesAsync(cancellationToken);
        access.InvalidateUser(userId);
    }

    public Task<AppRole?> FindRoleAsync(string? name, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(name?.Trim());
        return db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
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

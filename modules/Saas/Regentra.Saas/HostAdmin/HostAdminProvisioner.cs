using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Signup;

namespace Regentra.Saas.HostAdmin;

/// <summary>
/// The host operator: a user with no tenant in the HostAdmin role, which holds every host-side permission.
/// Created from configuration (HostAdmin:Email/Password) or the create-host-admin command, never from a
/// password in the code.
/// </summary>
internal sealed partial class HostAdminProvisioner(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    PasswordRules passwords,
    PermissionDefinitionManager permissions,
    ILookupNormalizer normalizer,
    ILogger<HostAdminProvisioner> logger)
{
    /// <summary>
    /// Makes sure the HostAdmin role exists and holds every host permission (new ones included). Hosts starting together
    /// race here: the host-scope unique indexes let one create the role and grants; the others read what it made.
    /// </summary>
    public async Task<AppRole> EnsureRoleAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryEnsureRoleAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueConstraintViolation() && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<AppRole> TryEnsureRoleAsync(CancellationToken cancellationToken)
    {
        using var host = currentTenant.Change(null);
        var normalized = normalizer.NormalizeName(StandardRoles.HostAdmin);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
        if (role is null)
        {
            role = new AppRole(null, StandardRoles.HostAdmin, normalized);
            db.Roles.Add(role);
        }

        var granted = await db.RolePermissionGrants.Where(g => g.RoleId == role.Id).Select(g => g.PermissionName).ToListAsync(cancellationToken);
        db.RolePermissionGrants.AddRange(permissions.ForSide(MultiTenancySides.Host)
            .Select(p => p.Name).Except(granted).Select(p => new RolePermissionGrant(role.Id, p)));
        await db.SaveChangesAsync(cancellationToken);
        return role;
    }

    /// <summary>Creates a host administrator; refuses an email that already is one.</summary>
    public async Task CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireEmail("email", email);
        passwords.Check("password", password, errors);
        errors.ThrowIfAny();

        var role = await EnsureRoleAsync(cancellationToken);
        using var host = currentTenant.Change(null);
        if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            throw new BusinessException(SaasErrorCodes.HostAdminExists, $"A host administrator with the email {email} already exists.");
        }

        var admin = new AppUser(null, email.Trim(), "Host administrator");
        TenantProvisioner.ThrowIfFailed(await users.CreateAsync(admin, password), "password");
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = admin.Id, RoleId = role.Id });
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, admin.Email!);
    }

    /// <summary>Start-up: creates the configured host administrator once; an existing one is left untouched.</summary>
    public async Task EnsureConfiguredAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        await EnsureRoleAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        using var host = currentTenant.Change(null);
        if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            return;
        }

        try
        {
            await CreateAsync(email, password, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or BusinessException)
        {
            // Another host starting at the same moment created this operator first (the user name is unique in the host scope).
            db.ChangeTracker.Clear();
            if (await users.FindByEmailAsync(email.Trim()) is null)
            {
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host administrator {Email} created")]
    private static partial void LogCreated(ILogger logger, string email);
}

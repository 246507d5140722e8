using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Roles;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Signup;

/// <summary>
/// Creates a working organisation in one transaction: tenant, settings, the four standard roles with their
/// grants, and the admin user. Everything that can be checked is checked before the first write, and a
/// failure part-way rolls back, so a refused signup leaves no rows behind.
/// </summary>
internal sealed partial class TenantProvisioner(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    RoleSeeder roles,
    ILogger<TenantProvisioner> logger)
{
    public async Task<Tenant> SignUpAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        var slug = Slugs.Normalize(request.Slug);
        var email = request.AdminEmail!.Trim();
        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            throw SlugTaken(slug);
        }

        var tenant = new Tenant(request.OrganizationName!.Trim(), slug);
        var admin = new AppUser(tenant.Id, email, string.IsNullOrWhiteSpace(request.AdminName) ? email : request.AdminName.Trim());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Tenants.Add(tenant);
            using (currentTenant.Change(tenant.Id))
            {
                db.TenantSettings.Add(new TenantSettings(tenant.Id, request.TimeZone, request.Currency));
                var tenantRoles = roles.AddStandardRoles(tenant.Id);
                await db.SaveChangesAsync(cancellationToken);

                ThrowIfFailed(await users.CreateAsync(admin, request.AdminPassword!), "adminPassword");
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = admin.Id, RoleId = tenantRoles[StandardRoles.Admin].Id });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            throw SlugTaken(slug); // lost a race with a simultaneous signup for the same slug
        }

        LogSignedUp(logger, tenant.Name, tenant.Slug, tenant.Id);
        return tenant;
    }

    /// <summary>Identity's own checks are the last line: anything they still refuse becomes a field error.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField)
    {
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? passwordField : "email";
            throw new ValidationException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }

    private static BusinessException SlugTaken(string slug) =>
        BusinessException.ForField(SaasErrorCodes.SlugTaken, "slug", $"The address '{slug}' is already taken. Choose another.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation '{Name}' signed up as '{Slug}' ({TenantId})")]
    private static partial void LogSignedUp(ILogger logger, string name, string slug, Guid tenantId);
}

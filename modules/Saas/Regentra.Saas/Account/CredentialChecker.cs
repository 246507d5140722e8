using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Account;

/// <summary>
/// Verifies organisation + email + password for both the cookie login and the token endpoint. A wrong
/// organisation, a wrong email and a wrong password produce the same answer and take about the same
/// time (a password hash is verified in every case), so the endpoint cannot be used to discover accounts.
/// </summary>
internal sealed class CredentialChecker(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<ClaimsPrincipal> SignInAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        Tenant? tenant = null;
        if (!string.IsNullOrWhiteSpace(request.Organization))
        {
            var slug = Slugs.Normalize(request.Organization);
            tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (tenant is null)
            {
                throw Refuse(users, request.Password);
            }
        }

        using (currentTenant.Change(tenant?.Id))
        {
            var user = await users.FindByEmailAsync(request.Email!.Trim());
            if (user is null)
            {
                throw Refuse(users, request.Password);
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                throw Refuse(null, null);
            }

            // Only now, with the password proven, is it safe to say why access is refused.
            if (!user.IsActive)
            {
                throw new BusinessException(SaasErrorCodes.UserDeactivated,
                    "Your account has been deactivated. Ask your organisation's administrator.", StatusCodes.Status403Forbidden);
            }

            if (tenant is { IsActive: false })
            {
                throw new BusinessException(FrameworkErrorCodes.TenantSuspended,
                    $"The organisation '{tenant.Name}' is suspended. Contact Regentra support.", StatusCodes.Status403Forbidden);
            }

            user.RecordLogin(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await principals.CreateAsync(user);
        }
    }

    private static BusinessException Refuse(UserManager<AppUser>? users, string? password)
    {
        if (users is not null)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DecoyHash.Value, password ?? string.Empty);
        }

        return new BusinessException(SaasErrorCodes.InvalidCredentials,
            "The organisation, email or password is not right. After 5 failed attempts sign-in is paused for 15 minutes.",
            StatusCodes.Status401Unauthorized);
    }
}

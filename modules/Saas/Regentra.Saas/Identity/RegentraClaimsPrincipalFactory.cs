using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Identity;

/// <summary>Adds the tenant and display name to Identity's claims (id, email, security stamp). Roles and
/// permissions are deliberately not in the token: they are read live, so a role change applies at once.</summary>
internal sealed class RegentraClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenantId)
        {
            identity.AddClaim(new Claim(RegentraClaimTypes.TenantId, tenantId.ToString()));
        }

        identity.AddClaim(new Claim(RegentraClaimTypes.DisplayName, user.Name));
        return identity;
    }
}

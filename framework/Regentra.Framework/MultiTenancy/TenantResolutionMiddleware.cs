using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Regentra.Framework.Errors;

namespace Regentra.Framework.MultiTenancy;

/// <summary>
/// Sets the current tenant for an authenticated request from the user's tenant claim. Nothing else
/// (no header, no query string) can choose the tenant of an authenticated call. Anonymous flows
/// (signup, login, invitation accept, pay links, webhooks) resolve their tenant explicitly in their
/// own handlers.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ITenantStore tenants)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var tenantId = ReadTenantId(context.User);
        if (tenantId is { } id)
        {
            var tenant = await tenants.FindAsync(id, context.RequestAborted);
            if (tenant is null)
            {
                throw new BusinessException(FrameworkErrorCodes.TenantNotFound,
                    "The organisation this session belongs to no longer exists.", StatusCodes.Status401Unauthorized);
            }

            if (!tenant.IsActive)
            {
                throw new BusinessException(FrameworkErrorCodes.TenantSuspended,
                    $"The organisation '{tenant.Name}' is suspended. Contact Regentra support.", StatusCodes.Status403Forbidden);
            }
        }

        using (currentTenant.Change(tenantId))
        {
            await next(context);
        }
    }

    public static Guid? ReadTenantId(ClaimsPrincipal user)
    {
        var value = user.FindFirstValue(RegentraClaimTypes.TenantId);
        return Guid.TryParse(value, out var id) ? id : null;
    }
}

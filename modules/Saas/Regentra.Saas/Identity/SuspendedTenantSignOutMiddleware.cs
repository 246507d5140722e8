using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Identity;

/// <summary>
/// Ends the web sessions of a suspended organisation's users. Tenant resolution refuses every call of such a session
/// (403 <c>Tenancy:TenantSuspended</c>), but a refused call cannot sign the browser out, so the cookie would keep
/// failing every page and the web app could not even show sign-in. Here, before tenant resolution, the cookie is
/// deleted: a page load or the app's configuration then continues signed out (the app shows sign-in), and any other
/// API call still answers 403 with the reason, now together with the cookie's deletion. Bearer tokens are left to
/// tenant resolution: they are not stored in the browser, so there is nothing to delete.
/// </summary>
internal sealed class SuspendedTenantSignOutMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantStore tenants, IProblemDetailsService problems)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && !SaasAuthentication.UsesBearer(context)
            && TenantResolutionMiddleware.ReadTenantId(context.User) is { } tenantId
            && await tenants.FindAsync(tenantId, context.RequestAborted) is { IsActive: false } tenant)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            if (!ContinuesSignedOut(context))
            {
                // Written here rather than thrown: the exception handler clears headers, and the cookie deletion must reach the browser.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = ProblemDetailsExceptionHandler.Create(StatusCodes.Status403Forbidden, FrameworkErrorCodes.TenantSuspended,
                        $"The organisation '{tenant.Name}' is suspended, so you have been signed out. Contact Regentra support."),
                });
                return;
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }

    /// <summary>A browser loading a page, or the web app asking who is signed in: answered as for someone signed out.</summary>
    private static bool ContinuesSignedOut(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && (!context.Request.Path.StartsWithSegments("/api") || context.Request.Path.Equals("/api/app-config", StringComparison.OrdinalIgnoreCase));
}

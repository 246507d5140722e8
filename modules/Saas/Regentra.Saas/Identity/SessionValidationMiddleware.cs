using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regentra.Framework.Errors;
using Regentra.Saas.Contracts;

namespace Regentra.Saas.Identity;

/// <summary>
/// Checks every authenticated request against the user's current state: a deactivated user, or a token
/// issued before the user's security stamp changed (deactivation, password change), is refused even
/// though the cookie or token itself is still cryptographically valid.
/// </summary>
internal sealed class SessionValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, UserAccessCache access, IOptions<IdentityOptions> identity, IProblemDetailsService problems)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var state = await access.GetAsync(userId, context.RequestAborted);
            var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var refusal = state switch
            {
                null => (SaasErrorCodes.SessionRevoked, "Your session is no longer valid. Sign in again."),
                { IsActive: false } => (SaasErrorCodes.UserDeactivated, "Your account has been deactivated. Ask your organisation's administrator."),
                _ when state.SecurityStamp != stamp => (SaasErrorCodes.SessionRevoked, "Your session has ended. Sign in again."),
                _ => default((string, string)?),
            };

            if (refusal is { } r && IsPageLoad(context))
            {
                // A browser loading the web app (a reload after being deactivated, a bookmark) gets the app, signed out,
                // which then shows sign-in; a problem+json body in place of the page would be a dead end.
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (refusal is { } r2)
            {
                await RefuseAsync(context, problems, r2.Item1, r2.Item2);
                return;
            }
        }

        await next(context);
    }

    private static bool IsPageLoad(HttpContext context) =>
        !SaasAuthentication.UsesBearer(context) && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api");

    // Written here rather than thrown: the exception handler clears headers, and the cookie deletion must reach the browser.
    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, string code, string detail)
    {
        if (!SaasAuthentication.UsesBearer(context))
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemDetailsExceptionHandler.Create(StatusCodes.Status401Unauthorized, code, detail),
        });
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Regentra.Framework.Errors;

namespace Regentra.Saas.Identity;

/// <summary>
/// Cookie-authenticated calls that change state (an expired cookie means anonymous, so sign-in still works) must
/// carry the X-XSRF-TOKEN header (Angular sends it from the XSRF-TOKEN cookie). Bearer-token calls are immune to
/// CSRF and skip the check; so does the Hangfire dashboard, which validates its own antiforgery token; and so do
/// the anonymous public routes (/api/public/..., /pay/...: pay links and payment webhooks), which act on no session.
/// </summary>
internal sealed class AntiforgeryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (NeedsCheck(context))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                throw new BusinessException(FrameworkErrorCodes.Antiforgery,
                    $"The {SaasAuthentication.XsrfHeaderName} header is missing or does not match this session. Reload the page and try again.",
                    StatusCodes.Status400BadRequest);
            }
        }

        await next(context);
    }

    private static bool NeedsCheck(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
          || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !SaasAuthentication.UsesBearer(context)
        && !IsExempt(context.Request.Path);

    /// <summary>Paths whose unsafe calls never act on the caller's session, so a forged one gains nothing.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/public", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/pay", StringComparison.OrdinalIgnoreCase);

    /// <summary>Issues the JavaScript-readable XSRF-TOKEN cookie bound to the current user.</summary>
    public static void IssueToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(SaasAuthentication.XsrfCookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }
}

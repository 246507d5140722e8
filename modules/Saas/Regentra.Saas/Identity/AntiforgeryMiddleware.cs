using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Regentra.Framework.Errors;

namespace Regentra.Saas.Identity;

/// <summary>
/// Cookie-authenticated calls that change state (an expired cookie means anonymous, so sign-in still works) must carry the X-XSRF-TOKEN header (Angular sends it from
/// the XSRF-TOKEN cookie). Bearer-token calls are immune to CSRF and skip the check; so does the Hangfire
/// dashboard, which validates its own antiforgery token, and the anonymous pay-link and webhook routes.
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
        && !context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase)
        && !IsPublic(context.Request.Path);

    // Pay links and Stripe's webhooks are anonymous by design and ignore who is signed in: an MSP opening a client's
    // pay link in the browser it works in must not be refused for lacking a header only the web app sends.
    private static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api/public", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/pay", StringComparison.OrdinalIgnoreCase);

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

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Regentra.Framework.Errors;

namespace Regentra.Framework.Permissions;

/// <summary>
/// Answers authorization failures as problem+json instead of redirects: 401 when nobody is signed in,
/// 403 naming the missing permission otherwise.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var problem = authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true
            ? ProblemDetailsExceptionHandler.Create(StatusCodes.Status401Unauthorized, FrameworkErrorCodes.Unauthenticated,
                "Sign in, or send a bearer token from POST /api/account/token.")
            : ProblemDetailsExceptionHandler.Create(StatusCodes.Status403Forbidden, FrameworkErrorCodes.PermissionDenied,
                MissingPermissionDetail(authorizeResult));

        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static string MissingPermissionDetail(PolicyAuthorizationResult result)
    {
        var missing = result.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>()
            .Select(r => string.Join(" or ", r.PermissionNames)).ToList() ?? [];
        return missing.Count == 0
            ? "You do not have permission to do this."
            : $"You do not have the permission this needs: {string.Join(", ", missing)}.";
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Validation;
using Regentra.Saas.AppConfig;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Account;

/// <summary>POST /api/account/login (cookie), /token (bearer for API clients), /logout.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");

        account.MapPost("/login", LoginAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit).Validate<LoginRequest>()
            .WithSummary("Signs in with organisation, email and password; sets the auth cookie and returns the app configuration.");

        account.MapPost("/token", TokenAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit).Validate<LoginRequest>()
            .WithSummary("Exchanges organisation, email and password for a bearer access token.");

        account.MapPost("/logout", (Delegate)LogoutAsync).AllowAnonymous()
            .WithSummary("Ends the cookie session.");
    }

    private static async Task<Ok<AppConfigDto>> LoginAsync(
        LoginRequest request, HttpContext http, CredentialChecker credentials, AppConfigBuilder appConfig,
        IAntiforgery antiforgery, ICurrentTenant currentTenant, CancellationToken cancellationToken)
    {
        var principal = await credentials.SignInAsync(request, cancellationToken);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = request.RememberMe });

        // The antiforgery token is bound to the user, so the SPA needs a fresh one for its new identity.
        http.User = principal;
        AntiforgeryMiddleware.IssueToken(http, antiforgery);
        using (currentTenant.Change(TenantResolutionMiddleware.ReadTenantId(principal)))
        {
            return TypedResults.Ok(await appConfig.BuildAsync(principal, cancellationToken));
        }
    }

    private static async Task<Ok<TokenResponse>> TokenAsync(
        LoginRequest request, CredentialChecker credentials, IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var principal = await credentials.SignInAsync(request, cancellationToken);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(principal),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration },
            IdentityConstants.BearerScheme);

        return TypedResults.Ok(new TokenResponse(
            options.BearerTokenProtector.Protect(ticket), "Bearer", (int)options.BearerTokenExpiration.TotalSeconds));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        http.Response.Cookies.Delete(SaasAuthentication.XsrfCookieName);
        return TypedResults.NoContent();
    }
}

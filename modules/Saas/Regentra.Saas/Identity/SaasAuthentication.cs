using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regentra.Saas.PasswordReset;

namespace Regentra.Saas.Identity;

/// <summary>
/// One policy scheme in front of two: requests with "Authorization: Bearer" use data-protected bearer
/// tokens (API clients), everything else the HttpOnly auth cookie (the web app). Both are backed by the
/// data-protection key ring, so every host behind a load balancer accepts them.
/// </summary>
internal static class SaasAuthentication
{
    public const string Scheme = "Regentra";
    public const string CookieName = ".Regentra.Auth";
    public const string XsrfCookieName = "XSRF-TOKEN";
    public const string XsrfHeaderName = "X-XSRF-TOKEN";

    /// <summary>
    /// Identity's table layout (v3 adds passkeys). Identity reads it from DI options while building the model,
    /// so the runtime and the design-time factories that generate migrations must both set this same value.
    /// </summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    public static void ConfigureIdentityStore(IdentityOptions options) => options.Stores.SchemaVersion = IdentitySchemaVersion;

    public static bool UsesBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddSaasAuthentication<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context => UsesBearer(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme);

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, env) =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = env.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;

                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => SetStatus(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => SetStatus(c.Response, StatusCodes.Status403Forbidden);
            });

        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IOptions<SaasOptions>>((o, saas) => o.BearerTokenExpiration = TimeSpan.FromMinutes(saas.Value.AccessTokenMinutes));

        services.AddIdentityCore<AppUser>(o =>
            {
                ConfigureIdentityStore(o);
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = string.Empty; // user names are email addresses; any character is fine
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<TDbContext>()
            .AddSignInManager()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name)
            .AddClaimsPrincipalFactory<RegentraClaimsPrincipalFactory>();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = XsrfHeaderName;
            o.Cookie.Name = ".Regentra.Antiforgery";
        });
        return services;
    }

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

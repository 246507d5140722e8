using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.AppConfig;

/// <summary>Builds <see cref="AppConfigDto"/>: who is signed in, for which organisation, and what they may do.</summary>
internal sealed class AppConfigBuilder(
    ISaasDbContext db,
    IPermissionChecker permissions,
    UserAccessCache access,
    ITenantStore tenants,
    ITenantSettingsProvider settings,
    ICurrentTenant currentTenant)
{
    public async Task<AppConfigDto> BuildAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return new AppConfigDto(null, null, [], null);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Name, u.Email }).FirstAsync(cancellationToken);
        var roles = (await access.GetAsync(userId, cancellationToken))?.Roles ?? [];
        var granted = await permissions.GetEffectivePermissionsAsync(principal, cancellationToken);

        CurrentTenantDto? tenant = null;
        TenantSettingsDto? tenantSettings = null;
        if (currentTenant.Id is { } tenantId && await tenants.FindAsync(tenantId, cancellationToken) is { } info)
        {
            tenant = new CurrentTenantDto(info.Id, info.Name, info.Slug);
            tenantSettings = await settings.GetAsync(cancellationToken);
        }

        return new AppConfigDto(
            new CurrentUserDto(userId, user.Name, user.Email ?? string.Empty, roles),
            tenant,
            granted.Order(StringComparer.Ordinal).ToList(),
            tenantSettings);
    }
}

internal static class AppConfigEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/app-config", GetAsync).AllowAnonymous().WithTags("Account")
            .WithSummary("The signed-in user, their organisation, granted permissions and the settings the web app needs. Also issues the XSRF-TOKEN cookie.");

    private static async Task<Ok<AppConfigDto>> GetAsync(HttpContext http, AppConfigBuilder builder, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        AntiforgeryMiddleware.IssueToken(http, antiforgery);
        return TypedResults.Ok(await builder.BuildAsync(http.User, cancellationToken));
    }
}

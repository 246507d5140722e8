using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.Permissions;

/// <summary>
/// Where the granted permission names of a user come from (the Saas module: role grants, one query per
/// user, cached and invalidated on change).
/// </summary>
public interface IPermissionStore
{
    Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(Guid userId, CancellationToken cancellationToken = default);
}

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permissionName, CancellationToken cancellationToken = default);

    /// <summary>Effective permissions: granted, on the user's side of the SaaS, and with every parent granted too.</summary>
    Task<IReadOnlySet<string>> GetEffectivePermissionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

public sealed class PermissionChecker(PermissionDefinitionManager definitions, IPermissionStore store) : IPermissionChecker
{
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permissionName, CancellationToken cancellationToken = default) =>
        (await GetEffectivePermissionsAsync(user, cancellationToken)).Contains(permissionName);

    public async Task<IReadOnlySet<string>> GetEffectivePermissionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return new HashSet<string>();
        }

        var side = TenantResolutionMiddleware.ReadTenantId(user) is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        var granted = await store.GetGrantedPermissionsAsync(userId, cancellationToken);
        return definitions.ForSide(side).Where(p => IsEffective(p, granted)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsEffective(PermissionDefinition permission, IReadOnlySet<string> granted) =>
        granted.Contains(permission.Name) && (permission.Parent is null || IsEffective(permission.Parent, granted));
}

/// <summary>Met when the user holds any one of <see cref="PermissionNames"/> (usually just one).</summary>
public sealed class PermissionRequirement(params string[] permissionNames) : IAuthorizationRequirement
{
    public IReadOnlyList<string> PermissionNames { get; } = permissionNames;
}

public sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var granted = await checker.GetEffectivePermissionsAsync(context.User);
        if (requirement.PermissionNames.Any(granted.Contains))
        {
            context.Succeed(requirement);
        }
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>Lets in a user holding at least one of <paramref name="anyOf"/> (e.g. own time or everyone's time).</summary>
    public static TBuilder RequireAnyPermission<TBuilder>(this TBuilder builder, params string[] anyOf)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(anyOf)).Build());
}

/// <summary>Lets endpoints say <c>.RequireAuthorization(PsaPermissions.TimeEntries.Approve)</c>: a permission name is a policy.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionDefinitionManager definitions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var existing = await base.GetPolicyAsync(policyName);
        if (existing is not null || definitions.Find(policyName) is null)
        {
            return existing;
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}

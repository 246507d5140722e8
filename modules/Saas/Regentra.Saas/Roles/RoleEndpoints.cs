using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Permissions;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Users;

namespace Regentra.Saas.Roles;

/// <summary>/api/saas/roles: the standard roles and what each may do.</summary>
internal static class RoleEndpoints
{
    public static void Map(IEndpointRouteBuilder saas)
    {
        var roles = saas.MapGroup("/roles");
        roles.MapGet("", ListAsync).RequireAuthorization(SaasPermissions.Roles.Default)
            .WithSummary("The organisation's roles with member and permission counts.");
        roles.MapGet("/{name}/permissions", GetPermissionsAsync).RequireAuthorization(SaasPermissions.Roles.Default)
            .WithSummary("Every tenant permission, grouped by module, with whether the role holds it.");
        roles.MapPut("/{name}/permissions", UpdatePermissionsAsync).RequireAuthorization(SaasPermissions.Roles.Manage)
            .Validate<UpdateRolePermissionsRequest>()
            .WithSummary("Replaces the role's permissions with the given set. Send the concurrencyStamp you read; a stale one answers 409. Admin always holds everything and cannot be edited.");
    }

    private static async Task<Ok<IReadOnlyList<RoleDto>>> ListAsync(ISaasDbContext db, PermissionDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new
            {
                Name = r.Name!,
                Users = db.UserRoles.Count(ur => ur.RoleId == r.Id),
                Permissions = db.RolePermissionGrants.Count(g => g.RoleId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var order = StandardRoles.TenantRoles.ToList();
        return TypedResults.Ok<IReadOnlyList<RoleDto>>(roles
            .OrderBy(r => order.IndexOf(r.Name) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RoleDto(r.Name, r.Users, IsEditable(r.Name) ? r.Permissions : definitions.ForSide(MultiTenancySides.Tenant).Count(), IsEditable(r.Name)))
            .ToList());
    }

    private static async Task<Ok<RolePermissionsDto>> GetPermissionsAsync(
        string name, ISaasDbContext db, TeamService team, PermissionDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var role = await team.FindRoleAsync(name, cancellationToken) ?? throw new EntityNotFoundException("Role", name);
        var granted = (await db.RolePermissionGrants.Where(g => g.RoleId == role.Id).Select(g => g.PermissionName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var groups = definitions.Groups
            .Select(g => new PermissionGroupDto(g.Name, g.DisplayName, g.Permissions.SelectMany(Flatten)
                .Where(p => p.Side.HasFlag(MultiTenancySides.Tenant))
                .Select(p => new PermissionGrantDto(p.Name, p.DisplayName, p.Parent?.Name, !IsEditable(role.Name!) || granted.Contains(p.Name)))
                .ToList()))
            .Where(g => g.Permissions.Count > 0)
            .ToList();
        return TypedResults.Ok(new RolePermissionsDto(role.Name!, IsEditable(role.Name!), groups, role.ConcurrencyStamp ?? string.Empty));
    }

    private static async Task<Ok<RolePermissionsDto>> UpdatePermissionsAsync(
        string name, UpdateRolePermissionsRequest request, ISaasDbContext db, TeamService team,
        PermissionDefinitionManager definitions, UserAccessCache access, CancellationToken cancellationToken)
    {
        var role = await team.FindRoleAsync(name, cancellationToken) ?? throw new EntityNotFoundException("Role", name);
        if (!IsEditable(role.Name!))
        {
            throw new BusinessException(SaasErrorCodes.RoleNotEditable, "The Admin role always holds every permission and cannot be edited.");
        }

        var wanted = RequireValidSet(request.GrantedPermissions!, definitions);
        var existing = await db.RolePermissionGrants.Where(g => g.RoleId == role.Id).ToListAsync(cancellationToken);
        db.RolePermissionGrants.RemoveRange(existing.Where(g => !wanted.Contains(g.PermissionName)));
        db.RolePermissionGrants.AddRange(wanted.Except(existing.Select(g => g.PermissionName)).Select(p => new RolePermissionGrant(role.Id, p)));

        // The role row carries Identity's concurrency stamp: renewing it on every save makes two editors' saves
        // race on one row, and a stale stamp fails the whole save (409) instead of silently undoing the other's change.
        if (!string.IsNullOrWhiteSpace(request.ConcurrencyStamp))
        {
            db.Entry(role).Property(r => r.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp.Trim();
        }

        role.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);

        access.InvalidateTenant();
        return await GetPermissionsAsync(name, db, team, definitions, cancellationToken);
    }

    // Every name must be a tenant permission, and a child (e.g. Manage) needs its parent (view) in the same set.
    private static HashSet<string> RequireValidSet(IReadOnlyList<string> names, PermissionDefinitionManager definitions)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        for (var i = 0; i < names.Count; i++)
        {
            var definition = definitions.Find(names[i]);
            if (definition is null || !definition.Side.HasFlag(MultiTenancySides.Tenant))
            {
                errors.Add($"grantedPermissions[{i}]", $"'{names[i]}' is not a permission an organisation role can hold.");
            }
            else if (definition.Parent is { } parent && !wanted.Contains(parent.Name))
            {
                errors.Add($"grantedPermissions[{i}]", $"'{names[i]}' needs '{parent.Name}' to be granted too.");
            }
        }

        errors.ThrowIfAny();
        return wanted;
    }

    private static bool IsEditable(string role) => role != StandardRoles.Admin;

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition p) => p.Children.SelectMany(Flatten).Prepend(p);
}

internal sealed class UpdateRolePermissionsValidator : IValidator<UpdateRolePermissionsRequest>
{
    public void Validate(UpdateRolePermissionsRequest request, ValidationErrors errors)
    {
        if (request.GrantedPermissions is null)
        {
            errors.Add("grantedPermissions", "Send the full list of permission names the role should hold (it may be empty).");
        }
    }
}

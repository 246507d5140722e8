namespace Regentra.Saas.Contracts.Roles;

/// <param name="IsEditable">Admin always holds every permission, so its grants cannot be edited.</param>
public sealed record RoleDto(string Name, int UserCount, int PermissionCount, bool IsEditable);

public sealed record PermissionGrantDto(string Name, string DisplayName, string? ParentName, bool IsGranted);

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionGrantDto> Permissions);

/// <param name="ConcurrencyStamp">Changes with every save of the role's permissions; send it back to be told when someone else saved first.</param>
public sealed record RolePermissionsDto(string Role, bool IsEditable, IReadOnlyList<PermissionGroupDto> Groups, string ConcurrencyStamp);

/// <param name="ConcurrencyStamp">The stamp read with the permissions: a stale one answers 409 and changes nothing. Without it the last save wins.</param>
public sealed record UpdateRolePermissionsRequest(IReadOnlyList<string>? GrantedPermissions, string? ConcurrencyStamp = null);

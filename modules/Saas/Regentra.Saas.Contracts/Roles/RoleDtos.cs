namespace Regentra.Saas.Contracts.Roles;

/// <param name="IsEditable">Admin always holds every permission, so its grants cannot be edited.</param>
public sealed record RoleDto(string Name, int UserCount, int PermissionCount, bool IsEditable);

public sealed record PermissionGrantDto(string Name, string DisplayName, string? ParentName, bool IsGranted);

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionGrantDto> Permissions);

public sealed record RolePermissionsDto(string Role, bool IsEditable, IReadOnlyList<PermissionGroupDto> Groups);

public sealed record UpdateRolePermissionsRequest(IReadOnlyList<string>? GrantedPermissions);

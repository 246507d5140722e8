namespace Regentra.Saas.Contracts.Users;

public sealed record UserDto(
    Guid Id,
    string Name,
    string Email,
    string Role,
    bool IsActive,
    DateTime CreationTime,
    DateTime? LastLoginTime);

public sealed record ChangeUserRoleRequest(string? Role);

namespace Regentra.Saas.Contracts.Tenants;

public sealed record TenantDto(
    Guid Id,
    string Name,
    string Slug,
    bool IsActive,
    DateTime CreationTime,
    DateTime? SuspendedAt,
    string? SuspensionReason,
    int UserCount);

public sealed record SuspendTenantRequest(string? Reason);

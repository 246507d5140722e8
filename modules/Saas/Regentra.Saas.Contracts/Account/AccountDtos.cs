using Regentra.Saas.Contracts.Settings;

namespace Regentra.Saas.Contracts.Account;

/// <param name="Organization">The organisation's URL slug. Empty for the host administrator.</param>
public sealed record LoginRequest(string? Organization, string? Email, string? Password, bool RememberMe = false);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed record SignupRequest(
    string? OrganizationName,
    string? Slug,
    string? AdminEmail,
    string? AdminPassword,
    string? AdminName = null,
    string? TimeZone = null,
    string? Currency = null);

public sealed record CurrentUserDto(Guid Id, string Name, string Email, IReadOnlyList<string> Roles);

public sealed record CurrentTenantDto(Guid Id, string Name, string Slug);

/// <summary>Everything the web app needs to draw itself for the signed-in user (ABP's application configuration).</summary>
public sealed record AppConfigDto(
    CurrentUserDto? CurrentUser,
    CurrentTenantDto? CurrentTenant,
    IReadOnlyList<string> GrantedPermissions,
    TenantSettingsDto? Settings);

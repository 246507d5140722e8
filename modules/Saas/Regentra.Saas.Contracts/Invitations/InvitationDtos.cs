namespace Regentra.Saas.Contracts.Invitations;

public sealed record CreateInvitationRequest(string? Email, string? Role);

/// <param name="Status">Pending, Accepted, Expired or Revoked.</param>
/// <param name="AcceptUrl">Only in the response that created the invitation; the token is never stored in clear.</param>
public sealed record InvitationDto(
    Guid Id,
    string Email,
    string Role,
    string Status,
    DateTime CreationTime,
    DateTime ExpiresAt,
    string? AcceptUrl);

public sealed record AcceptInvitationRequest(string? Token, string? Name, string? Password);

/// <param name="Organization">The slug to sign in with.</param>
public sealed record AcceptInvitationResponse(string Organization, string OrganizationName, string Email);

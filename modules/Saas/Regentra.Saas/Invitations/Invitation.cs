using Microsoft.AspNetCore.Http;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts;

namespace Regentra.Saas.Invitations;

/// <summary>
/// An email invitation to join the tenant with a role. Only a SHA-256 hash of its token is stored, so a
/// database leak does not leak working links. Single use; expires after <see cref="Lifetime"/>.
/// </summary>
internal sealed class Invitation : AuditedAggregateRoot, IMultiTenant
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Invitation(string email, string normalizedEmail, string role, string tokenHash, DateTime expiresAt)
    {
        Email = email;
        NormalizedEmail = normalizedEmail;
        Role = role;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
    }

    public Guid? TenantId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string NormalizedEmail { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public string TokenHash { get; private set; } = string.Empty;

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public InvitationStatus StatusAt(DateTime utcNow) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : utcNow >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    public void Revoke(DateTime utcNow) => RevokedAt ??= utcNow;

    /// <summary>Refuses a used, revoked or expired invitation with the reason the person needs to see.</summary>
    public void EnsureCanBeAccepted(DateTime utcNow)
    {
        switch (StatusAt(utcNow))
        {
            case InvitationStatus.Accepted:
                throw new BusinessException(SaasErrorCodes.InvitationUsed,
                    "This invitation has already been used. Sign in instead, or ask for a new invitation.");
            case InvitationStatus.Revoked:
                throw new BusinessException(SaasErrorCodes.InvitationNotFound,
                    "This invitation link is not valid. Ask your administrator for a new one.", StatusCodes.Status404NotFound);
            case InvitationStatus.Expired:
                throw new BusinessException(SaasErrorCodes.InvitationExpired,
                    $"This invitation expired on {ExpiresAt:yyyy-MM-dd HH:mm} UTC. Ask your administrator for a new one.", StatusCodes.Status410Gone);
        }
    }

    /// <summary>Single use: the concurrency stamp makes two simultaneous accepts end with exactly one winner.</summary>
    public void MarkAccepted(Guid userId, DateTime utcNow)
    {
        EnsureCanBeAccepted(utcNow);
        AcceptedAt = utcNow;
        AcceptedUserId = userId;
    }
}

internal enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

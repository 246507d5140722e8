using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Framework.Data;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Signup;
using Regentra.Saas.Users;

namespace Regentra.Saas.Invitations;

/// <summary>Invites people by email and turns an accepted invitation into a member with the invited role.</summary>
internal sealed partial class InvitationService(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    UserManager<AppUser> users,
    TeamService team,
    ILookupNormalizer normalizer,
    IEmailSender email,
    TimeProvider clock,
    ILogger<InvitationService> logger)
{
    public async Task<InvitationDto> InviteAsync(CreateInvitationRequest request, string publicUrl, CancellationToken cancellationToken)
    {
        var address = request.Email!.Trim();
        var normalized = normalizer.NormalizeEmail(address);
        var role = await team.FindRoleAsync(request.Role, cancellationToken)
            ?? throw ValidationException.For("role", $"Unknown role. Choose one of: {string.Join(", ", StandardRoles.TenantRoles)}.");
        await team.EnsureCallerHoldsRoleAsync(role, cancellationToken);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw BusinessException.ForField(SaasErrorCodes.AlreadyMember, "email", $"{address} is already a member of this organisation.");
        }

        // Inviting again replaces any earlier pending link, so only the newest one works.
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.Invitations
            .Where(i => i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        earlier.ForEach(i => i.Revoke(now));

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new Invitation(address, normalized, role.Name!, Hash(token), now + Invitation.Lifetime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        var acceptUrl = $"{publicUrl.TrimEnd('/')}/accept-invitation?token={token}";
        var organisation = (await tenants.FindAsync(currentTenant.Id!.Value, cancellationToken))!.Name;
        await email.SendAsync(new EmailMessage(
            address,
            $"You're invited to join {organisation} on Regentra",
            $"""
            Hello,

            You have been invited to join {organisation} on Regentra as {role.Name}.

            Accept the invitation and choose your password here:
            {acceptUrl}

            The link works once and expires on {invitation.ExpiresAt:dddd d MMMM yyyy HH:mm} UTC.
            If you were not expecting this email you can ignore it.
            """), cancellationToken);
        LogInvited(logger, role.Name!, currentTenant.Id);
        return ToDto(invitation, now, acceptUrl);
    }

    public async Task<AcceptInvitationResponse> AcceptAsync(AcceptInvitationRequest request, CancellationToken cancellationToken)
    {
        // The token is the only thing an anonymous caller has; it names the tenant through its invitation.
        var hash = Hash(request.Token!.Trim());
        var invitation = await db.Invitations.IgnoreQueryFilters([RegentraModelConventions.TenantFilter])
            .FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new BusinessException(SaasErrorCodes.InvitationNotFound,
                "This invitation link is not valid. Ask your administrator for a new one.", StatusCodes.Status404NotFound);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == invitation.TenantId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        invitation.EnsureCanBeAccepted(now);
        if (!tenant.IsActive)
        {
            throw new BusinessException(FrameworkErrorCodes.TenantSuspended,
                $"The organisation '{tenant.Name}' is suspended. Contact Regentra support.", StatusCodes.Status403Forbidden);
        }

        using (currentTenant.Change(tenant.Id))
        {
            var user = new AppUser(tenant.Id, invitation.Email, request.Name!.Trim());
            var role = await team.FindRoleAsync(invitation.Role, cancellationToken)
                ?? throw new InvalidOperationException($"Role {invitation.Role} is missing in tenant {tenant.Id}.");

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var created = await users.CreateAsync(user, request.Password!);
                if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
                {
                    throw AlreadyMember(invitation.Email);
                }

                TenantProvisioner.ThrowIfFailed(created, "password");
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
                invitation.MarkAccepted(user.Id, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueConstraintViolation())
            {
                throw new BusinessException(SaasErrorCodes.InvitationUsed,
                    "This invitation has already been used. Sign in instead, or ask for a new invitation.");
            }
        }

        return new AcceptInvitationResponse(tenant.Slug, tenant.Name, invitation.Email);
    }

    public static InvitationDto ToDto(Invitation invitation, DateTime now, string? acceptUrl = null) =>
        new(invitation.Id, invitation.Email, invitation.Role, invitation.StatusAt(now).ToString(), invitation.CreationTime, invitation.ExpiresAt, acceptUrl);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static BusinessException AlreadyMember(string address) =>
        BusinessException.ForField(SaasErrorCodes.AlreadyMember, "email", $"{address} is already a member of this organisation. Sign in instead.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation as {Role} sent in tenant {TenantId}")]
    private static partial void LogInvited(ILogger logger, string role, Guid? tenantId);
}

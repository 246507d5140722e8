using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework;
using Regentra.Framework.Errors;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Invitations;

/// <summary>/api/saas/invitations: invite, list, revoke, and (anonymously) accept.</summary>
internal static class InvitationEndpoints
{
    public static void Map(IEndpointRouteBuilder saas)
    {
        var invitations = saas.MapGroup("/invitations");
        invitations.MapPost("", CreateAsync).RequireAuthorization(SaasPermissions.Users.Manage)
            .Validate<CreateInvitationRequest>()
            .WithSummary("Emails a single-use link, valid 7 days, to join with the given role. Re-inviting replaces the earlier link.");
        invitations.MapGet("", ListAsync).RequireAuthorization(SaasPermissions.Users.Default)
            .WithSummary("Invitations not yet accepted (pending, expired and revoked), newest first.");
        invitations.MapDelete("/{id:guid}", RevokeAsync).RequireAuthorization(SaasPermissions.Users.Manage)
            .WithSummary("Revokes a pending invitation; its link stops working.");
        invitations.MapPost("/accept", AcceptAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit)
            .Validate<AcceptInvitationRequest>()
            .WithSummary("Creates the invited member's account from the emailed token.");
    }

    private static async Task<Created<InvitationDto>> CreateAsync(
        CreateInvitationRequest request, InvitationService invitations, IPublicUrl publicUrl, CancellationToken cancellationToken)
    {
        var dto = await invitations.InviteAsync(request, publicUrl.Resolve(), cancellationToken);
        return TypedResults.Created($"/api/saas/invitations/{dto.Id}", dto);
    }

    private static async Task<Ok<IReadOnlyList<InvitationDto>>> ListAsync(ISaasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null)
            .OrderByDescending(i => i.CreationTime).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InvitationDto>>(rows.Select(i => InvitationService.ToDto(i, now)).ToList());
    }

    private static async Task<NoContent> RevokeAsync(Guid id, ISaasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("Invitation", id);
        if (invitation.AcceptedAt is not null)
        {
            throw new BusinessException(SaasErrorCodes.InvitationUsed, "This invitation was already accepted; deactivate the member instead.");
        }

        invitation.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AcceptInvitationResponse>> AcceptAsync(AcceptInvitationRequest request, InvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.AcceptAsync(request, cancellationToken));
}

internal sealed class CreateInvitationValidator : IValidator<CreateInvitationRequest>
{
    public void Validate(CreateInvitationRequest request, ValidationErrors errors)
    {
        errors.RequireEmail("email", request.Email);
        errors.RequireText("role", request.Role, 64);
    }
}

internal sealed class AcceptInvitationValidator(PasswordRules passwords) : IValidator<AcceptInvitationRequest>
{
    public void Validate(AcceptInvitationRequest request, ValidationErrors errors)
    {
        errors.RequireText("token", request.Token, 100);
        errors.RequireText("name", request.Name, 128);
        passwords.Check("password", request.Password, errors);
    }
}

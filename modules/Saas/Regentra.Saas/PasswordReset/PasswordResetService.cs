using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Signup;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.PasswordReset;

/// <summary>
/// "Forgot password": emails a link with Identity's password reset token, then sets the new password from it.
/// A request for an unknown organisation or email, a deactivated member or a suspended organisation is answered
/// exactly like a real one and sends nothing, so the form cannot be used to discover accounts. The link works
/// once (the reset renews the security stamp the token is bound to) and for Saas:PasswordResetMinutes.
/// </summary>
internal sealed partial class PasswordResetService(
    ISaasDbContext db,
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    UserAccessCache access,
    IEmailSender email,
    IOptions<SaasOptions> options,
    ILogger<PasswordResetService> logger)
{
    public async Task RequestAsync(ForgotPasswordRequest request, string publicUrl, CancellationToken cancellationToken)
    {
        var (tenant, user) = await FindAsync(request.Organization, request.Email, cancellationToken);
        if (user is null || !user.IsActive || tenant is { IsActive: false })
        {
            LogIgnored(logger);
            return;
        }

        using (currentTenant.Change(tenant?.Id))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{publicUrl.TrimEnd('/')}/reset-password?organization={Uri.EscapeDataString(tenant?.Slug ?? string.Empty)}"
                       + $"&email={Uri.EscapeDataString(user.Email!)}&token={token}";
            var minutes = options.Value.PasswordResetMinutes;
            await email.SendAsync(new EmailMessage(
                user.Email!,
                "Reset your Regentra password",
                $"""
                Hello {user.Name},

                Someone (hopefully you) asked to reset the password of {user.Email} for {tenant?.Name ?? "Regentra host administration"}.

                Choose a new password here:
                {link}

                The link works once, within {minutes} minutes. If you did not ask for this you can ignore this email:
                your password stays as it is.
                """), cancellationToken);
            LogSent(logger, tenant?.Id);
        }
    }

    public async Task ResetAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        var (tenant, user) = await FindAsync(request.Organization, request.Email, cancellationToken);
        if (user is null || !user.IsActive || tenant is { IsActive: false })
        {
            throw InvalidLink();
        }

        using (currentTenant.Change(tenant?.Id))
        {
            var result = await users.ResetPasswordAsync(user, request.Token!.Trim(), request.NewPassword!);
            if (result.Errors.Any(e => e.Code is "InvalidToken" or "ConcurrencyFailure"))
            {
                throw InvalidLink();
            }

            TenantProvisioner.ThrowIfFailed(result, "newPassword");

            // Whoever knew the old password is signed out everywhere, and a locked-out owner can sign in again.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            access.InvalidateUser(user.Id);
            LogReset(logger, tenant?.Id);
        }
    }

    private async Task<(Tenant? Tenant, AppUser? User)> FindAsync(string? organization, string? address, CancellationToken cancellationToken)
    {
        Tenant? tenant = null;
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var slug = Slugs.Normalize(organization);
            tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (tenant is null)
            {
                return (null, null);
            }
        }

        using (currentTenant.Change(tenant?.Id))
        {
            var user = await users.FindByEmailAsync(address!.Trim());
            return (tenant, user is not null && user.TenantId == tenant?.Id ? user : null);
        }
    }

    private static BusinessException InvalidLink() =>
        BusinessException.ForField(SaasErrorCodes.PasswordResetInvalid, "token",
            "This password reset link is not valid any more: it has expired or has already been used. Ask for a new one.",
            StatusCodes.Status400BadRequest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset requested for no active account; nothing sent")]
    private static partial void LogIgnored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link sent in tenant {TenantId}")]
    private static partial void LogSent(ILogger logger, Guid? tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset in tenant {TenantId}")]
    private static partial void LogReset(ILogger logger, Guid? tenantId);
}

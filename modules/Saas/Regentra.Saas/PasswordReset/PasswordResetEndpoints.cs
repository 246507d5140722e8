using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Framework;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Identity;

namespace Regentra.Saas.PasswordReset;

/// <summary>POST /api/account/forgot-password and /reset-password: password reset by emailed link, anonymously.</summary>
internal static class PasswordResetEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");

        account.MapPost("/forgot-password", ForgotAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit).Validate<ForgotPasswordRequest>()
            .WithSummary("Emails a single-use link to choose a new password. Answers 202 whether or not the account exists.");

        account.MapPost("/reset-password", ResetAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit).Validate<ResetPasswordRequest>()
            .WithSummary("Sets a new password with the token from the emailed link and ends the account's other sessions.");
    }

    private static async Task<Accepted> ForgotAsync(
        ForgotPasswordRequest request, PasswordResetService service, IPublicUrl publicUrl, CancellationToken cancellationToken)
    {
        await service.RequestAsync(request, publicUrl.Resolve(), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetAsync(ResetPasswordRequest request, PasswordResetService service, CancellationToken cancellationToken)
    {
        await service.ResetAsync(request, cancellationToken);
        return TypedResults.NoContent();
    }
}

internal sealed class ForgotPasswordValidator : IValidator<ForgotPasswordRequest>
{
    public void Validate(ForgotPasswordRequest request, ValidationErrors errors)
    {
        errors.MaxLength("organization", request.Organization, 40);
        errors.RequireEmail("email", request.Email);
    }
}

internal sealed class ResetPasswordValidator(PasswordRules passwords) : IValidator<ResetPasswordRequest>
{
    public void Validate(ResetPasswordRequest request, ValidationErrors errors)
    {
        errors.MaxLength("organization", request.Organization, 40);
        errors.RequireText("email", request.Email, 256);
        errors.RequireText("token", request.Token, 2000);
        passwords.Check("newPassword", request.NewPassword, errors);
    }
}

using Regentra.Framework.Validation;
using Regentra.Saas.Contracts.Account;

namespace Regentra.Saas.Account;

internal sealed class LoginRequestValidator : IValidator<LoginRequest>
{
    public void Validate(LoginRequest request, ValidationErrors errors)
    {
        errors.RequireText("email", request.Email, 256);
        errors.RequireText("password", request.Password, 256);
        errors.MaxLength("organization", request.Organization, 40);
    }
}

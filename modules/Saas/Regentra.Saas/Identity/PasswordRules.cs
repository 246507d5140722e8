using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regentra.Framework.Validation;

namespace Regentra.Saas.Identity;

/// <summary>
/// Identity's password policy as synchronous field validation, so a weak password is reported together
/// with every other field error in one response instead of after them.
/// </summary>
internal sealed class PasswordRules(IOptions<IdentityOptions> identity)
{
    public void Check(string field, string? password, ValidationErrors errors)
    {
        if (!errors.RequireText(field, password, 128))
        {
            return;
        }

        var rules = identity.Value.Password;
        var value = password!;
        if (value.Length < rules.RequiredLength)
        {
            errors.Add(field, $"Use at least {rules.RequiredLength} characters.");
        }

        if (rules.RequireDigit && !value.Any(char.IsAsciiDigit))
        {
            errors.Add(field, "Include at least one digit (0-9).");
        }

        if (rules.RequireLowercase && !value.Any(char.IsLower))
        {
            errors.Add(field, "Include at least one lowercase letter.");
        }

        if (rules.RequireUppercase && !value.Any(char.IsUpper))
        {
            errors.Add(field, "Include at least one uppercase letter.");
        }

        if (rules.RequireNonAlphanumeric && value.All(char.IsLetterOrDigit))
        {
            errors.Add(field, "Include at least one symbol.");
        }

        if (value.Distinct().Count() < rules.RequiredUniqueChars)
        {
            errors.Add(field, $"Use at least {rules.RequiredUniqueChars} different characters.");
        }
    }
}

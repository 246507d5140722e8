using Regentra.Framework.Money;
using Regentra.Framework.Validation;
using Regentra.Saas.Identity;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Signup;

internal sealed class SignupValidator(PasswordRules passwords) : IValidator<SignupRequest>
{
    public void Validate(SignupRequest request, ValidationErrors errors)
    {
        errors.RequireText("organizationName", request.OrganizationName, 100);
        if (Slugs.Problem(request.Slug) is { } problem)
        {
            errors.Add("slug", problem);
        }

        errors.RequireEmail("adminEmail", request.AdminEmail);
        passwords.Check("adminPassword", request.AdminPassword, errors);
        errors.MaxLength("adminName", request.AdminName, 128);
        if (request.TimeZone is not null && !TimeZones.IsValidIana(request.TimeZone))
        {
            errors.Add("timeZone", "Must be an IANA time zone such as Europe/London or America/New_York.");
        }

        if (request.Currency is not null && !Currencies.IsKnown(request.Currency))
        {
            errors.Add("currency", "Must be an ISO 4217 currency code in capitals, such as USD, EUR or GBP.");
        }
    }
}

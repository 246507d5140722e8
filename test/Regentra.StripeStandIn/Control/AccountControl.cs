using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary><c>POST /_standin/accounts</c> creates an account with fresh keys; <c>GET /_standin/accounts</c> lists them all.</summary>
internal static class AccountControl
{
    public sealed record CreateAccountRequest(
        string? Name, string? Email, string? Country, string? DefaultCurrency, bool Livemode = false, bool Restricted = false);

    public sealed record AccountKeys(
        string AccountId, string Name, bool Livemode, bool ChargesEnabled, string? PublishableKey, string? SecretKey, string? RestrictedKey, bool Seeded);

    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/accounts", (CreateAccountRequest request, StandInStore store) =>
        {
            var currency = request.DefaultCurrency ?? "gbp";
            if (!StripeCurrencies.IsKnown(currency))
            {
                throw StripeApiException.BadRequest($"Unknown currency '{currency}': use a lower-case ISO code such as gbp.", "defaultCurrency");
            }

            var country = request.Country ?? "GB";
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            {
                throw StripeApiException.BadRequest($"Invalid country '{country}': use a two-letter upper-case ISO code such as GB.", "country");
            }

            var name = string.IsNullOrWhiteSpace(request.Name) ? "Test organisation" : request.Name.Trim();
            var account = store.CreateAccount(name, request.Email, country, currency, request.Livemode, chargesEnabled: !request.Restricted);
            return TypedResults.Ok(Keys(account));
        });

        control.MapGet("/accounts", (StandInStore store) => TypedResults.Ok(store.Accounts().Select(Keys)));
    }

    private static AccountKeys Keys(Account account) => new(
        account.Id, account.Name, account.Livemode, account.ChargesEnabled,
        account.KeyOf(KeyKind.Publishable), account.KeyOf(KeyKind.Secret), account.KeyOf(KeyKind.Restricted), account.Seeded);
}

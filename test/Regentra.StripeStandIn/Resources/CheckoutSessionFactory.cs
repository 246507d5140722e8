using Regentra.StripeStandIn.Hosting;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary>Validates <c>POST /v1/checkout/sessions</c> as Stripe does for payment mode with inline <c>price_data</c>, and builds the session.</summary>
internal sealed class CheckoutSessionFactory(StandInStore store, PublicUrls urls)
{
    private const int MinimumLifetimeSeconds = 30 * 60;
    private const int MaximumLifetimeSeconds = 24 * 60 * 60;

    // The product computes expires_at just before sending it; a few seconds of travel must not make "30 minutes" too short.
    private const int ClockSlackSeconds = 10;

    public CheckoutSession Create(ApiRequest request)
    {
        var form = request.Params;
        var mode = form.RequiredString("mode");
        if (mode != "payment")
        {
            throw StripeApiException.BadRequest(
                mode is "setup" or "subscription"
                    ? $"The stand-in emulates mode=payment only, not mode={mode}."
                    : $"Invalid mode: must be one of payment, setup, or subscription",
                "mode");
        }

        var lines = LineItems(form);
        var currency = lines[0].Currency;
        var total = lines.Sum(l => l.Amount);
        CheckAmount(total, currency);

        var now = store.Now;
        var expiresAt = form.OptionalInteger("expires_at") ?? now + MaximumLifetimeSeconds;
        if (expiresAt < now + MinimumLifetimeSeconds - ClockSlackSeconds)
        {
            throw StripeApiException.BadRequest("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at", "parameter_invalid_integer");
        }

        if (expiresAt > now + MaximumLifetimeSeconds + ClockSlackSeconds)
        {
            throw StripeApiException.BadRequest("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at", "parameter_invalid_integer");
        }

        var email = form.OptionalString("customer_email");
        if (email is not null && (email.Length > 512 || !email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            throw StripeApiException.BadRequest($"Invalid email address: {email}", "customer_email", "email_invalid");
        }

        var reference = form.OptionalString("client_reference_id");
        if (reference?.Length > 200)
        {
            throw StripeApiException.BadRequest("client_reference_id can have up to 200 characters.", "client_reference_id");
        }

        var intentData = form.Map("payment_intent_data");
        var methods = form.StringList("payment_method_types");
        var id = StripeIds.CheckoutSession(request.Account.Livemode);
        return new CheckoutSession(id, request.Account, now)
        {
            Mode = mode,
            Currency = currency,
            LineItems = lines,
            ClientReferenceId = reference,
            CustomerEmail = email,
            Metadata = StripeMetadata.Create(form),
            PaymentIntentMetadata = intentData is null ? [] : StripeMetadata.Create(intentData),
            PaymentIntentDescription = intentData?.OptionalString("description"),
            SuccessUrl = Url(form, "success_url"),
            CancelUrl = Url(form, "cancel_url"),
            ExpiresAt = expiresAt,
            PaymentMethodTypes = methods.Count == 0 ? ["card"] : [.. methods.Distinct(StringComparer.Ordinal)],
            HostedUrl = urls.Checkout(id),
        };
    }

    private static List<LineItem> LineItems(FormNode form)
    {
        var items = form.List("line_items");
        if (items.Count == 0)
        {
            throw StripeApiException.Missing("line_items");
        }

        if (items.Count > 100)
        {
            throw StripeApiException.BadRequest("A Checkout Session can have up to 100 line items.", "line_items");
        }

        var lines = items.Select(LineItem).ToList();
        var mixed = lines.FirstOrDefault(l => l.Currency != lines[0].Currency);
        if (mixed is not null)
        {
            throw StripeApiException.BadRequest(
                $"All line items must use the same currency; found {lines[0].Currency} and {mixed.Currency}.", form.PathOf("line_items"));
        }

        return lines;
    }

    private static LineItem LineItem(FormNode item)
    {
        if (item.OptionalString("price") is { } price)
        {
            throw StripeApiException.NoSuch("price", price, item.PathOf("price"));
        }

        var priceData = item.Map("price_data") ?? throw StripeApiException.Missing(item.PathOf("price_data"));
        var currency = priceData.RequiredString("currency");
        if (currency != currency.ToLowerInvariant() || !StripeCurrencies.IsKnown(currency))
        {
            throw StripeApiException.BadRequest(
                $"Invalid currency: {currency}. Stripe currency codes are lower-case three-letter ISO codes, e.g. usd, eur, gbp.", priceData.PathOf("currency"));
        }

        if (priceData["unit_amount"] is null && priceData.OptionalString("unit_amount_decimal") is not null)
        {
            throw StripeApiException.BadRequest("The stand-in emulates unit_amount only; send the amount as an integer in minor units.", priceData.PathOf("unit_amount_decimal"));
        }

        var unitAmount = priceData.RequiredInteger("unit_amount");
        if (unitAmount < 0)
        {
            throw StripeApiException.BadRequest("This value must be greater than or equal to 0.", priceData.PathOf("unit_amount"), "parameter_invalid_integer");
        }

        if (StripeCurrencies.RoundingProblem(currency, unitAmount) is { } problem)
        {
            throw StripeApiException.BadRequest(problem, priceData.PathOf("unit_amount"), "invalid_charge_amount");
        }

        var product = priceData.Map("product_data") ?? throw StripeApiException.Missing(priceData.PathOf("product_data"));
        var name = product.RequiredString("name");
        var quantity = item.RequiredInteger("quantity");
        if (quantity < 1)
        {
            throw StripeApiException.BadRequest("This value must be greater than or equal to 1.", item.PathOf("quantity"), "parameter_invalid_integer");
        }

        return new LineItem(name, product.OptionalString("description"), currency, unitAmount, quantity);
    }

    private static void CheckAmount(long total, string currency)
    {
        const string Param = "line_items[0][price_data][unit_amount]";
        var minimum = StripeCurrencies.Minimum(currency) ?? 1;
        if (total < minimum)
        {
            throw StripeApiException.BadRequest(
                $"The Checkout Session's total amount due must add up to at least {StripeCurrencies.Format(minimum, currency)}.", Param, "amount_too_small");
        }

        if (total > StripeCurrencies.MaximumAmount)
        {
            throw StripeApiException.BadRequest(
                $"The Checkout Session's total amount due must be no more than {StripeCurrencies.Format(StripeCurrencies.MaximumAmount, currency)}.", Param, "amount_too_large");
        }
    }

    private static string? Url(FormNode form, string key)
    {
        var url = form.OptionalString(key);
        if (url is not null && (!Uri.TryCreate(url.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw StripeApiException.BadRequest("Not a valid URL", key, "url_invalid");
        }

        return url;
    }
}

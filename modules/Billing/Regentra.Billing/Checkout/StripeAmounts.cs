using System.Collections.Frozen;
using Regentra.Framework.Money;

namespace Regentra.Billing.Checkout;

/// <summary>
/// Converts between our amounts (integer minor units of ISO 4217) and Stripe's "amount" integers, which follow Stripe's
/// own rules: zero-decimal currencies are whole units (even MGA, which ISO gives two decimals); the three-decimal
/// currencies must end in 0; ISK keeps two decimals in the API but takes whole krónur only. An amount Stripe cannot
/// represent exactly is rounded down to what it can charge, so a client is never charged more than is due.
/// </summary>
internal static class StripeAmounts
{
    private static readonly FrozenSet<string> ZeroDecimal =
        FrozenSet.ToFrozenSet(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ThreeDecimal = FrozenSet.ToFrozenSet(["BHD", "JOD", "KWD", "OMR", "TND"], StringComparer.Ordinal);

    // ISO three-decimal currencies Stripe does not list, and currencies Stripe cannot take at all.
    private static readonly FrozenSet<string> NotOnStripe = FrozenSet.ToFrozenSet(["IQD", "LYD", "CUP", "IRR", "KPW", "SYP"], StringComparer.Ordinal);

    // Stripe's published minimum charge per currency, in Stripe's units; elsewhere Stripe checks an equivalent of 0.50 USD itself.
    private static readonly FrozenDictionary<string, long> Minimums = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["USD"] = 50, ["AED"] = 200, ["AUD"] = 50, ["BGN"] = 100, ["BRL"] = 50, ["CAD"] = 50, ["CHF"] = 50, ["CZK"] = 1500,
        ["DKK"] = 250, ["EUR"] = 50, ["GBP"] = 30, ["HKD"] = 400, ["HUF"] = 17500, ["INR"] = 50, ["JPY"] = 50, ["MXN"] = 1000,
        ["MYR"] = 200, ["NOK"] = 300, ["NZD"] = 50, ["PLN"] = 200, ["RON"] = 200, ["SEK"] = 300, ["SGD"] = 50, ["THB"] = 1000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsSupported(string currency) => Currencies.IsKnown(currency) && !NotOnStripe.Contains(currency);

    /// <summary>Decimals of Stripe's amount integers for the currency.</summary>
    public static int StripeDecimals(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>The step Stripe's amounts must be a multiple of: 10 for three-decimal currencies, 100 for ISK, otherwise 1.</summary>
    public static long Step(string currency) => ThreeDecimal.Contains(currency) ? 10 : currency == "ISK" ? 100 : 1;

    /// <summary>The most Stripe can charge without exceeding <paramref name="minor"/> (our minor units), in Stripe's units.</summary>
    public static long ToStripe(long minor, string currency)
    {
        var shift = StripeDecimals(currency) - OurDecimals(currency);
        var amount = shift >= 0 ? minor * Pow10(shift) : minor / Pow10(-shift);
        return amount - (amount % Step(currency));
    }

    /// <summary>A Stripe amount back in our minor units of its currency (exact for every amount Stripe accepts).</summary>
    public static long FromStripe(long amount, string currency)
    {
        var shift = OurDecimals(currency) - StripeDecimals(currency);
        return shift >= 0 ? amount * Pow10(shift) : (long)decimal.Round(amount / (decimal)Pow10(-shift), 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Stripe's minimum charge in its units, where Stripe publishes one for the currency.</summary>
    public static long? Minimum(string currency) => Minimums.TryGetValue(currency, out var minimum) ? minimum : null;

    /// <summary>Stripe's lower-case code for an ISO code, and back.</summary>
    public static string StripeCode(string currency) => currency.ToLowerInvariant();

    public static string IsoCode(string stripeCurrency) => stripeCurrency.ToUpperInvariant();

    private static int OurDecimals(string currency) => Currencies.IsKnown(currency) ? Currencies.MinorUnits(currency) : StripeDecimals(currency);

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 1 => 10, 2 => 100, 3 => 1000, _ => throw new ArgumentOutOfRangeException(nameof(exponent)) };
}

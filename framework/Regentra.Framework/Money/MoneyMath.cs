namespace Regentra.Framework.Money;

/// <summary>
/// Exact money arithmetic on <see cref="decimal"/>, never double. Amounts are kept as integer minor units
/// (cents; yen have none; dinars have three) wherever they are stored or summed, and every rounding is
/// half away from zero at the currency's minor unit.
/// </summary>
public static class MoneyMath
{
    /// <summary>Rounds to the currency's minor unit and returns it as a whole number of minor units (12.345 USD → 1235).</summary>
    public static long ToMinor(decimal amount, string currency)
    {
        var units = Currencies.MinorUnits(currency);
        return (long)decimal.Round(amount * Pow10(units), 0, MidpointRounding.AwayFromZero);
    }

    public static decimal FromMinor(long minor, string currency) => minor / Pow10(Currencies.MinorUnits(currency));

    /// <summary>The price of <paramref name="minutes"/> at <paramref name="hourlyRate"/>, computed from the exact minutes (no rounded hours in between).</summary>
    public static long TimeAmountMinor(int minutes, decimal hourlyRate, string currency) => ToMinor(hourlyRate * minutes / 60m, currency);

    /// <summary>Tax on a subtotal, rounded once at the minor unit.</summary>
    public static long TaxMinor(long subtotalMinor, decimal ratePercent) =>
        (long)decimal.Round(subtotalMinor * ratePercent / 100m, 0, MidpointRounding.AwayFromZero);

    private static decimal Pow10(int units) => units switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, units) };
}

using System.Globalization;

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// Stripe's currency rules for amounts in minor units: lower-case ISO codes, zero- and three-decimal currencies,
/// ISK in hundredths that must be whole krónur, and the minimum charge per currency that Stripe documents.
/// </summary>
internal static class StripeCurrencies
{
    private static readonly HashSet<string> Known =
    [
        .. ("aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop " +
            "crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes " +
            "kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd " +
            "omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd " +
            "tzs uah ugx usd uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw").Split(' '),
    ];

    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static readonly HashSet<string> ThreeDecimal = ["bhd", "jod", "kwd", "omr", "tnd"];

    private static readonly Dictionary<string, long> MinimumCharge = new()
    {
        ["usd"] = 50, ["eur"] = 50, ["cad"] = 50, ["aud"] = 50, ["nzd"] = 50, ["chf"] = 50, ["sgd"] = 50, ["brl"] = 50, ["inr"] = 50,
        ["gbp"] = 30, ["jpy"] = 50, ["dkk"] = 250, ["nok"] = 300, ["sek"] = 300, ["hkd"] = 400, ["mxn"] = 1000,
        ["pln"] = 200, ["ron"] = 200, ["bgn"] = 200, ["myr"] = 200, ["aed"] = 200, ["czk"] = 1500, ["huf"] = 17500, ["thb"] = 1000,
    };

    /// <summary>Stripe's amounts have at most eight digits.</summary>
    public const long MaximumAmount = 99_999_999;

    public static bool IsKnown(string code) => Known.Contains(code);

    /// <summary>Decimal places of an API amount: 0, 2 or 3 (ISK is sent in hundredths, so 2).</summary>
    public static int Decimals(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    public static long? Minimum(string currency) => MinimumCharge.TryGetValue(currency, out var minimum) ? minimum : null;

    /// <summary>Why Stripe would refuse this amount's last digits, or null: three-decimal currencies need a final 0, ISK whole krónur.</summary>
    public static string? RoundingProblem(string currency, long amount) => currency switch
    {
        _ when ThreeDecimal.Contains(currency) && amount % 10 != 0 =>
            $"Invalid amount {amount} for {currency}: amounts in three-decimal currencies must end in 0 (they are rounded to the nearest ten minor units).",
        "isk" when amount % 100 != 0 => $"Invalid amount {amount} for isk: ISK amounts are in hundredths and must be divisible by 100.",
        _ => null,
    };

    /// <summary>An amount as a person reads it: "GBP 120.00", "JPY 5000", "KWD 1.250", "ISK 1500".</summary>
    public static string Format(long amount, string currency)
    {
        var decimals = Decimals(currency);
        var shown = currency == "isk" ? 0 : decimals;
        var major = amount / (decimals switch { 0 => 1m, 3 => 1000m, _ => 100m });
        return $"{currency.ToUpperInvariant()} {major.ToString("N" + shown.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}";
    }
}

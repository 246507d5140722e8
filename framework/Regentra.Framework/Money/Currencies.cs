using System.Collections.Frozen;

namespace Regentra.Framework.Money;

/// <summary>Active ISO 4217 currency codes with their minor units (decimal places), as Stripe and invoices need them.</summary>
public static class Currencies
{
    private const string TwoDecimals =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC " +
        "CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES " +
        "KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
        "NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
        "TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWL";

    private const string ZeroDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";

    private const string ThreeDecimals = "BHD IQD JOD KWD LYD OMR TND";

    private static readonly FrozenDictionary<string, int> MinorUnitsByCode =
        Parse(TwoDecimals, 2).Concat(Parse(ZeroDecimals, 0)).Concat(Parse(ThreeDecimals, 3))
            .ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> All => MinorUnitsByCode.Keys.Order(StringComparer.Ordinal);

    /// <summary>True for an upper-case active ISO 4217 code such as "USD".</summary>
    public static bool IsKnown(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units) ? units : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    private static IEnumerable<KeyValuePair<string, int>> Parse(string codes, int minorUnits) =>
        codes.Split(' ').Select(c => KeyValuePair.Create(c, minorUnits));
}

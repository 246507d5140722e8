using System.Globalization;
using Regentra.Framework.Money;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>How numbers and dates read on an invoice: invariant culture, so a PDF looks the same whatever the server's locale.</summary>
internal static class InvoicePdfFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"1,234.50 GBP", "1,235 JPY", "1.234 KWD": the currency's minor units, thousands separators and the ISO code.</summary>
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("N" + Currencies.MinorUnits(currency).ToString(Invariant), Invariant)} {currency}";

    /// <summary>
    /// Hours on time lines (they carry a detail) keep two decimals ("1.50"); fee lines (no detail) show their count or
    /// prorated share as is, up to four decimals with trailing zeros trimmed ("1", "0.5161").
    /// </summary>
    public static string Quantity(InvoiceDocumentLine line) =>
        line.Quantity.ToString(line.Detail is null ? "#,##0.####" : "#,##0.00##", Invariant);

    /// <summary>"20", "17.5": a tax rate without padding zeros.</summary>
    public static string Percent(decimal rate) => rate.ToString("0.####", Invariant);

    /// <summary>"1 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    /// <summary>"31 Mar 2026": narrow enough for the lines table.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    /// <summary>"1 March 2026 – 31 March 2026": the end is exclusive in the model, so the last day printed is the day before.</summary>
    public static string Period(DateOnly start, DateOnly endExclusive)
    {
        var last = endExclusive > start ? endExclusive.AddDays(-1) : start;
        return $"{Date(start)} \u2013 {Date(last)}";
    }
}

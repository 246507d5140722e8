using System.Globalization;
using Regentra.Billing.Invoices.Pdf;

namespace Regentra.Billing.Tests;

public sealed class InvoicePdfFormatTests
{
    [Theory]
    [InlineData("1234.5", "GBP", "1,234.50 GBP")]
    [InlineData("1234567", "JPY", "1,234,567 JPY")]
    [InlineData("1234.5", "KWD", "1,234.500 KWD")]
    [InlineData("0.125", "BHD", "0.125 BHD")]
    [InlineData("0", "USD", "0.00 USD")]
    [InlineData("-12.3", "EUR", "-12.30 EUR")]
    [InlineData("1000000", "USD", "1,000,000.00 USD")]
    public void Amounts_use_the_currencys_minor_units_thousands_separators_and_the_ISO_code(string amount, string currency, string expected) =>
        InvoicePdfFormat.Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency).ShouldBe(expected);

    [Fact]
    public void Amounts_read_the_same_whatever_the_servers_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            InvoicePdfFormat.Money(1234.5m, "EUR").ShouldBe("1,234.50 EUR");
            InvoicePdfFormat.Date(new DateOnly(2026, 3, 1)).ShouldBe("1 March 2026");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("1.5", "1.50")]
    [InlineData("2", "2.00")]
    [InlineData("0.25", "0.25")]
    [InlineData("1250", "1,250.00")]
    public void Hours_on_time_lines_keep_two_decimals(string quantity, string expected) =>
        InvoicePdfFormat.Quantity(Line(quantity, detail: "Ada Admin \u00b7 T-000042")).ShouldBe(expected);

    [Theory]
    [InlineData("1", "1")]
    [InlineData("3", "3")]
    [InlineData("0.5161", "0.5161")]
    [InlineData("0.5000", "0.5")]
    [InlineData("1.2500", "1.25")]
    public void Fee_quantities_show_up_to_four_decimals_without_trailing_zeros(string quantity, string expected) =>
        InvoicePdfFormat.Quantity(Line(quantity, detail: null)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-03-01", "2026-04-01", "1 March 2026 \u2013 31 March 2026")]
    [InlineData("2026-12-01", "2027-01-01", "1 December 2026 \u2013 31 December 2026")]
    [InlineData("2028-02-01", "2028-03-01", "1 February 2028 \u2013 29 February 2028")]
    [InlineData("2026-03-15", "2026-03-16", "15 March 2026 \u2013 15 March 2026")]
    public void The_period_prints_its_last_day_because_the_end_is_exclusive(string start, string end, string expected) =>
        InvoicePdfFormat.Period(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture))
            .ShouldBe(expected);

    [Theory]
    [InlineData("20", "20")]
    [InlineData("17.5", "17.5")]
    [InlineData("0", "0")]
    [InlineData("8.250", "8.25")]
    public void Tax_rates_print_without_padding_zeros(string rate, string expected) =>
        InvoicePdfFormat.Percent(decimal.Parse(rate, CultureInfo.InvariantCulture)).ShouldBe(expected);

    private static InvoiceDocumentLine Line(string quantity, string? detail) =>
        new(null, "Work", detail, decimal.Parse(quantity, CultureInfo.InvariantCulture), 10m, 10m);
}

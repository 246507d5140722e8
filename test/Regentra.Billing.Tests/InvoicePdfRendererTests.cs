using System.Globalization;
using System.Text;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Regentra.Billing.Invoices.Pdf;

namespace Regentra.Billing.Tests;

public sealed class InvoicePdfRendererTests
{
    private readonly InvoicePdfRenderer renderer = InvoicePdfTestData.Renderer();

    [Fact]
    public void A_rendered_invoice_is_a_pdf_that_opens_with_its_title_and_author()
    {
        var pdf = renderer.Render(InvoicePdfTestData.Invoice());

        Encoding.ASCII.GetString(pdf, 0, 4).ShouldBe("%PDF");
        using var document = InvoicePdfText.Open(pdf);
        document.Info.Title.ShouldBe("Invoice INV-2026-0042");
        document.Info.Author.ShouldBe("Northwind IT Services Ltd");
    }

    [Fact]
    public void Three_lines_fit_on_one_A4_portrait_page()
    {
        using var document = InvoicePdfText.Open(renderer.Render(InvoicePdfTestData.Invoice(timeLines: 2)));

        document.PageCount.ShouldBe(1);
        document.Pages[0].Width.Point.ShouldBe(595.28, 0.5);
        document.Pages[0].Height.Point.ShouldBe(841.89, 0.5);
    }

    [Fact]
    public void Two_hundred_lines_run_over_several_pages_with_every_line_printed_once()
    {
        var pages = InvoicePdfText.Pages(renderer.Render(InvoicePdfTestData.Invoice(timeLines: 199)));

        pages.Count.ShouldBeGreaterThan(1);
        var all = string.Join('\n', pages);
        for (var i = 1; i <= 199; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"Line {i:000}: ");
            CountOf(all, line).ShouldBe(1, line);
            all.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Ada Admin \u00b7 T-{i:000000}"));
        }

        for (var p = 0; p < pages.Count; p++)
        {
            pages[p].ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Page {p + 1} of {pages.Count}"));
        }
    }

    [Fact]
    public void The_table_header_repeats_on_every_page_the_lines_reach()
    {
        var pages = InvoicePdfText.Pages(renderer.Render(InvoicePdfTestData.Invoice(timeLines: 199)));

        var withLines = pages.Where(p => p.Contains("Ada Admin", StringComparison.Ordinal)).ToList();
        withLines.Count.ShouldBeGreaterThan(1);
        withLines.ShouldAllBe(p => p.Contains("Description\nQuantity\nUnit price\nAmount", StringComparison.Ordinal));
    }

    [Fact]
    public void The_number_the_client_and_the_formatted_total_are_in_the_page_text()
    {
        var text = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice() with { Subtotal = 1028.75m, Tax = 205.75m, Total = 1234.5m }));

        text.ShouldContain("INV-2026-0042");
        text.ShouldContain("Acme Widgets Ltd");
        text.ShouldContain("accounts@acme.example");
        text.ShouldContain("Total\n1,234.50 GBP");
    }

    [Fact]
    public void The_header_shows_the_dates_and_the_period_up_to_the_day_before_its_exclusive_end()
    {
        var text = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice()));

        text.ShouldContain("INVOICE", Case.Sensitive);
        text.ShouldContain("Issue date\n1 April 2026");
        text.ShouldContain("Due date\n1 May 2026");
        text.ShouldContain("1 March 2026 \u2013 31 March 2026");
    }

    [Fact]
    public void Lines_show_their_date_quantity_unit_price_and_amount()
    {
        var text = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice(timeLines: 1)));

        text.ShouldContain("Monthly fee: managed service desk \u2014");
        text.ShouldContain("1,000.00 GBP\n1,000.00 GBP\n1\n"); // a fee: amount, unit price, quantity as is
        text.ShouldContain("2 Mar 2026\n117.00 GBP\n78.00 GBP\n1.50"); // time: two-decimal hours
    }

    [Fact]
    public void Totals_show_the_tax_rate_and_paid_and_balance_only_once_something_was_paid()
    {
        var unpaid = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice()));
        var paid = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice() with { Paid = 100m, Balance = 1380.8m }));

        unpaid.ShouldContain("Subtotal\n1,234.00 GBP");
        unpaid.ShouldContain("Tax (20%)\n246.80 GBP");
        unpaid.ShouldContain("Total\n1,480.80 GBP");
        unpaid.ShouldNotContain("Paid");
        unpaid.ShouldNotContain("Balance due");
        paid.ShouldContain("Paid\n100.00 GBP");
        paid.ShouldContain("Balance due\n1,380.80 GBP");
    }

    [Theory]
    [InlineData("JPY", "1,234", "1,481")]
    [InlineData("KWD", "1,234.000", "1,480.800")]
    [InlineData("USD", "1,234.00", "1,480.80")]
    public void Amounts_in_the_pdf_use_the_currencys_minor_units(string currency, string subtotal, string total)
    {
        var invoice = InvoicePdfTestData.Invoice(timeLines: 2, currency) with
        {
            Subtotal = 1234m,
            Tax = currency == "JPY" ? 247m : 246.8m,
            Total = currency == "JPY" ? 1481m : 1480.8m,
        };

        var text = InvoicePdfText.All(renderer.Render(invoice));

        text.ShouldContain($"Subtotal\n{subtotal} {currency}");
        text.ShouldContain($"Total\n{total} {currency}");
    }

    [Theory]
    [InlineData("M\u00fcller & S\u00f8n")]
    [InlineData("\u682a\u5f0f\u4f1a\u793e")]
    [InlineData("\u041e\u041e\u041e \u00ab\u0420\u043e\u043c\u0430\u0448\u043a\u0430\u00bb")]
    [InlineData("\u03a9\u03bc\u03ad\u03b3\u03b1 \u0391\u0395")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd \u05d1\u05e2\u05f4\u05de")]
    [InlineData("Caf\u00e9 \U0001F680 Rockets")]
    public void Client_names_in_any_script_render(string client)
    {
        var pdf = renderer.Render(InvoicePdfTestData.Invoice() with { ClientName = client, Notes = [$"Thanks, {client}!"] });

        using var document = InvoicePdfText.Open(pdf);
        document.PageCount.ShouldBe(1);
    }

    [Fact]
    public void Latin_names_with_accents_stay_searchable_text()
    {
        var text = InvoicePdfText.All(renderer.Render(InvoicePdfTestData.Invoice() with { ClientName = "M\u00fcller & S\u00f8n" }));

        text.ShouldContain("M\u00fcller & S\u00f8n", Case.Sensitive);
    }

    [Fact]
    public async Task Invoices_render_in_parallel_with_a_single_font_resolver()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"INV-P-{i}");
            var pdf = InvoicePdfTestData.Renderer().Render(InvoicePdfTestData.Invoice(timeLines: 40) with { Number = number });
            return (Number: number, Text: InvoicePdfText.All(pdf));
        }, TestContext.Current.CancellationToken)));

        results.ShouldAllBe(r => r.Text.Contains(r.Number, StringComparison.Ordinal));
        GlobalFontSettings.FontResolver.ShouldBeOfType<InvoicePdfFontResolver>();
    }

    [Fact]
    public void Installing_the_font_resolver_again_keeps_the_one_installed()
    {
        InvoicePdfFontResolver.EnsureInstalled();
        var installed = GlobalFontSettings.FontResolver;

        InvoicePdfFontResolver.EnsureInstalled();
        _ = InvoicePdfTestData.Renderer();

        GlobalFontSettings.FontResolver.ShouldBeSameAs(installed);
    }

    [Theory]
    [InlineData("Arial", false, false, "DejaVuSans")]
    [InlineData("Helvetica", true, false, "DejaVuSans-Bold")]
    [InlineData("DejaVu Sans", false, true, "DejaVuSans")]
    [InlineData("Times New Roman", true, true, "DejaVuSans-Bold")]
    public void Every_family_resolves_to_the_embedded_DejaVu_Sans(string family, bool bold, bool italic, string face)
    {
        InvoicePdfFontResolver.EnsureInstalled();
        var resolver = GlobalFontSettings.FontResolver.ShouldBeOfType<InvoicePdfFontResolver>();

        var info = resolver.ResolveTypeface(family, bold, italic).ShouldNotBeNull();

        info.FaceName.ShouldBe(face);
        var font = resolver.GetFont(info.FaceName).ShouldNotBeNull();
        font.Length.ShouldBeGreaterThan(100_000);
        font.AsSpan(0, 4).ToArray().ShouldBe(new byte[] { 0, 1, 0, 0 }); // TrueType
    }

    [Fact]
    public void A_long_description_wraps_inside_its_column_and_keeps_every_word()
    {
        var words = Enumerable.Range(1, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"word{i:00}")).ToList();
        var invoice = InvoicePdfTestData.Invoice(timeLines: 0) with
        {
            Lines = [new InvoiceDocumentLine(new DateOnly(2026, 3, 2), string.Join(' ', words), "Ada Admin", 1m, 10m, 10m)],
        };

        var strings = InvoicePdfText.Pages(renderer.Render(invoice))[0].Split('\n');

        var wrapped = strings.Where(s => s.StartsWith("word", StringComparison.Ordinal)).ToList();
        wrapped.Count.ShouldBeGreaterThan(3);
        string.Join(' ', wrapped).ShouldBe(string.Join(' ', words));
    }

    [Fact]
    public void A_word_wider_than_the_column_is_broken_rather_than_cut_off()
    {
        var token = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 30));
        var invoice = InvoicePdfTestData.Invoice(timeLines: 0) with
        {
            Lines = [new InvoiceDocumentLine(null, token, null, 1m, 10m, 10m)],
        };

        var strings = InvoicePdfText.Pages(renderer.Render(invoice))[0].Split('\n');

        var pieces = strings.Where(s => s.Length > 0 && s.All(c => c is >= 'A' and <= 'J')).ToList();
        pieces.Count.ShouldBeGreaterThan(1);
        string.Concat(pieces).ShouldBe(token);
    }

    [Fact]
    public void A_description_longer_than_a_page_continues_on_the_next_page()
    {
        var paragraphs = Enumerable.Range(1, 120).Select(i => string.Create(CultureInfo.InvariantCulture, $"Step {i:000} done.")).ToList();
        var invoice = InvoicePdfTestData.Invoice(timeLines: 0) with
        {
            Lines = [new InvoiceDocumentLine(new DateOnly(2026, 3, 2), string.Join('\n', paragraphs), "Ada Admin", 1m, 10m, 10m)],
        };

        var pages = InvoicePdfText.Pages(renderer.Render(invoice));

        pages.Count.ShouldBeGreaterThan(1);
        var all = string.Join('\n', pages);
        paragraphs.ShouldAllBe(p => all.Contains(p, StringComparison.Ordinal));
        pages[1].ShouldContain("Description"); // the table header came along
    }

    [Fact]
    public void Notes_print_one_per_line_and_the_pay_url_is_a_clickable_link()
    {
        const string url = "https://pay.regentra.example/i/7f3c2a";
        var invoice = InvoicePdfTestData.Invoice() with { Notes = ["Thank you for your business.", "Bank: 12-34-56 12345678"], PayUrl = url };

        var pdf = renderer.Render(invoice);

        var strings = InvoicePdfText.All(pdf).Split('\n');
        strings.ShouldContain("Thank you for your business.");
        strings.ShouldContain("Bank: 12-34-56 12345678");
        strings.ShouldContain($"Pay online: {url}");

        using var document = InvoicePdfText.Open(pdf);
        var page = document.Pages[0];
        var link = page.Annotations[0];
        link.Elements.GetName("/Subtype").ShouldBe("/Link");
        link.Elements.GetDictionary("/A").ShouldNotBeNull().Elements.GetString("/URI").ShouldBe(url);
        var rect = link.Elements.GetRectangle("/Rect");
        rect.X1.ShouldBeInRange(0, page.Width.Point);
        rect.Y1.ShouldBeInRange(0, page.Height.Point);
        rect.Y2.ShouldBeGreaterThan(rect.Y1);
    }

    [Fact]
    public void Without_a_pay_url_there_is_no_link()
    {
        var pdf = renderer.Render(InvoicePdfTestData.Invoice());

        InvoicePdfText.All(pdf).ShouldNotContain("Pay online");
        using var document = InvoicePdfText.Open(pdf);
        document.Pages[0].HasAnnotations.ShouldBeFalse();
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

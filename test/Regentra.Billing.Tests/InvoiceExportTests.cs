using System.Text;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>GET /api/billing/invoices/export.csv: numbered invoices issued in [from, to), one row each, safe to open in a spreadsheet.</summary>
public sealed class InvoiceExportTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string Header = "Number,IssueDate,DueDate,Client,PeriodStart,PeriodEnd,Currency,Subtotal,TaxRatePercent,Tax,Total,Paid,Balance,Status";

    private static async Task<(HttpResponseMessage Response, List<List<string>> Rows, string Text)> ExportAsync(TenantSession session, string from, string to)
    {
        var response = await session.Client.GetResponseAsync($"/api/billing/invoices/export.csv?from={from}&to={to}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble()); // Excel reads the BOM as "this is UTF-8"
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return (response, Parse(text), text);
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas and doubled quotes.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                rows.Add(row);
                (row, field) = (new List<string>(), new StringBuilder());
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        csv.ShouldEndWith("\r\n");
        return rows;
    }

    [Fact]
    public async Task Each_sent_invoice_issued_in_the_period_is_one_row_with_amounts_in_its_currencys_decimals()
    {
        var (admin, usd) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(usd.Id, 60);
        await (await admin.PayAsync(sent.Id, 20m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var yen = await admin.CreateBillingClientAsync("Yen Co", "JPY");
        await admin.SetAgreementAsync(yen.Id, Hourly(10000m));
        await admin.FebruarySentAsync(yen.Id, 60);
        var dinar = await admin.CreateBillingClientAsync("Dinar Co", "KWD");
        await admin.SetAgreementAsync(dinar.Id, Hourly(30m));
        await admin.FebruarySentAsync(dinar.Id, 60);
        await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync("Draft Co")).Id, 60);

        var (response, rows, _) = await ExportAsync(admin, "2026-03-01", "2026-04-01");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("invoices-2026-03-01-to-2026-03-31.csv");
        string.Join(',', rows[0]).ShouldBe(Header);
        rows.Skip(1).Select(r => string.Join(',', r)).ShouldBe(
        [
            $"INV-2026-00001,2026-03-02,2026-03-16,{usd.Name},2026-02-01,2026-02-28,USD,100.00,20,20.00,120.00,20.00,100.00,PartiallyPaid",
            "INV-2026-00002,2026-03-02,2026-03-16,Yen Co,2026-02-01,2026-02-28,JPY,10000,20,2000,12000,0,12000,Sent",
            "INV-2026-00003,2026-03-02,2026-03-16,Dinar Co,2026-02-01,2026-02-28,KWD,30.000,20,6.000,36.000,0.000,36.000,Sent",
        ]);
    }

    [Fact]
    public async Task The_tax_rate_is_written_the_same_way_on_every_database()
    {
        var admin = await app.SignUpAsync();
        await admin.ConfigureBillingAsync(taxRatePercent: 8.875m);
        await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);

        var (_, rows, _) = await ExportAsync(admin, "2026-03-01", "2026-04-01");

        rows[1][7..11].ShouldBe(["100.00", "8.875", "8.88", "108.88"]);
    }

    [Fact]
    public async Task Only_invoices_issued_from_the_first_day_up_to_the_last_are_exported()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.FebruarySentAsync(client.Id, 60);

        var (_, on, _) = await ExportAsync(admin, "2026-03-02", "2026-03-03");
        var (_, before, _) = await ExportAsync(admin, "2026-02-01", "2026-03-02");
        var (_, after, text) = await ExportAsync(admin, "2026-03-03", "2026-04-01");

        on.Count.ShouldBe(2);
        (before.Count, after.Count).ShouldBe((1, 1));
        text.ShouldBe(Header + "\r\n");
    }

    [Fact]
    public async Task A_void_invoice_keeps_its_row_so_no_number_is_missing()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);
        await (await admin.VoidAsync(sent.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var (_, rows, _) = await ExportAsync(admin, "2026-03-01", "2026-04-01");

        rows.Skip(1).Select(r => (r[0], r[^1])).ShouldBe([("INV-2026-00001", "Void")]);
    }

    [Fact]
    public async Task Client_names_with_commas_or_quotes_are_quoted_and_formula_starts_are_neutralised()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        string[] names = ["Acme, Inc.", "The \"Best\" Ltd", "=1+2", "@SUM(A1:A9)", "+44 Partners", "-Minus Co"];
        foreach (var name in names)
        {
            await admin.FebruarySentAsync((await admin.CreateBillingClientAsync(name)).Id, 60);
        }

        var (_, rows, text) = await ExportAsync(admin, "2026-03-01", "2026-04-01");

        rows.Skip(1).Select(r => r[3]).ShouldBe(["Acme, Inc.", "The \"Best\" Ltd", "'=1+2", "'@SUM(A1:A9)", "'+44 Partners", "'-Minus Co"]);
        rows.Skip(1).ShouldAllBe(r => r.Count == 14);
        text.ShouldContain(",\"Acme, Inc.\",");
        text.ShouldContain(",\"The \"\"Best\"\" Ltd\",");
        text.ShouldContain(",'=1+2,");
    }

    [Fact]
    public async Task The_period_is_required_and_at_most_366_days()
    {
        var admin = await app.SignUpAsync();

        foreach (var (query, field) in new[] { ("to=2026-04-01", "from"), ("from=2026-03-01", "to"), ("from=2026-03-01&to=2026-03-01", "to"), ("from=2025-01-01&to=2026-03-01", "to") })
        {
            var response = await admin.Client.GetResponseAsync($"/api/billing/invoices/export.csv?{query}");
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }
    }
}

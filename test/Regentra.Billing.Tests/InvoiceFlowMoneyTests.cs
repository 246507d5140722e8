using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Saas.Contracts.Settings;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>
/// Money is exact, end to end: 200 seeded random invoices (minutes, rates and tax rates with up to 4 decimals,
/// currencies with 0, 2 and 3 decimals, random rounding) through preview, generate, and for some send and pay.
/// Every line is rate × billed minutes ÷ 60 rounded once, half away from zero; tax is rounded once on the subtotal.
/// </summary>
public sealed class InvoiceFlowMoneyTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const int Cases = 200;
    private static readonly string[] Currencies = ["JPY", "GBP", "KWD", "USD"];
    private static readonly DateOnly FirstDay = new(2025, 3, 1);

    private sealed record Case(string Currency, decimal Rate, decimal TaxRatePercent, RoundingRule? Rounding, int[] Minutes, DateOnly Day);

    private static int MinorUnits(string currency) => currency switch { "JPY" => 0, "KWD" => 3, _ => 2 };

    private static decimal Round(decimal amount, string currency) => decimal.Round(amount, MinorUnits(currency), MidpointRounding.AwayFromZero);

    /// <summary>A value from 0 to <paramref name="max"/> with 0 to <paramref name="maxScale"/> decimals.</summary>
    private static decimal Decimals(Random random, long max, int maxScale)
    {
        var pow = (long)Math.Pow(10, random.Next(0, maxScale + 1));
        return random.NextInt64(0, (max * pow) + 1) / (decimal)pow;
    }

    private static Case NewCase(Random random, int index)
    {
        var entries = random.Next(1, 5);
        return new Case(
            Currencies[random.Next(Currencies.Length)],
            Decimals(random, 100_000, 4),
            Decimals(random, 100, 4),
            random.Next(2) == 0 ? null : new RoundingRule(random.Next(0, 61), random.Next(0, 61)),
            [.. Enumerable.Range(0, entries).Select(_ => random.Next(1, 361))],
            FirstDay.AddDays(index));
    }

    private static int Billed(int minutes, RoundingRule? rule)
    {
        if (rule is null)
        {
            return minutes;
        }

        var billed = rule.IncrementMinutes > 0 ? (int)Math.Ceiling(minutes / (double)rule.IncrementMinutes) * rule.IncrementMinutes : minutes;
        return Math.Max(billed, rule.MinimumMinutes);
    }

    [Fact]
    public async Task Totals_are_the_sum_of_lines_plus_tax_rounded_once_half_away_from_zero_for_200_random_invoices()
    {
        var random = new Random(20260302);
        var admin = await app.SignUpAsync();
        var settings = await admin.ConfigureBillingAsync();

        for (var i = 0; i < Cases; i++)
        {
            var c = NewCase(random, i);
            var because = $"case {i}: {c}, minutes {string.Join('+', c.Minutes)}";
            settings = await (await admin.Client.PutJsonAsync("/api/saas/settings", new UpdateTenantSettingsRequest(
                settings.OrganizationName, settings.Address, settings.TimeZone, settings.Currency, settings.InvoicePrefix, settings.PaymentTermsDays,
                c.TaxRatePercent, settings.DefaultHourlyRate, settings.AllowSelfApproval, settings.ConcurrencyStamp))).ReadAsync<TenantSettingsDto>();
            var client = await admin.CreateBillingClientAsync(currency: c.Currency);
            await admin.SetAgreementAsync(client.Id, Hourly(c.Rate, new DateOnly(2025, 1, 1), c.Rounding));
            var logged = await (await admin.Client.PostJsonAsync("/api/psa/time-entries/bulk", new BulkLogTimeEntriesRequest(
                [.. c.Minutes.Select(m => PsaApi.ClientTime(client.Id, m, c.Day, submit: true))]))).ReadAsync<BulkLogTimeEntriesResponse>(HttpStatusCode.Created);
            await (await admin.ActAsync("approve", [.. logged.Entries.Select(e => e.Id)])).ShouldHaveStatusAsync(HttpStatusCode.OK);

            var preview = await admin.PreviewOkAsync(client.Id, c.Day, c.Day.AddDays(1));
            var invoice = await admin.GenerateOkAsync(client.Id, c.Day, c.Day.AddDays(1));

            var expectedLines = c.Minutes.Select(m => Round(c.Rate * Billed(m, c.Rounding) / 60m, c.Currency)).ToList();
            var subtotal = expectedLines.Sum();
            var tax = Round(subtotal * c.TaxRatePercent / 100m, c.Currency);
            preview.Lines.Select(l => l.Amount).ShouldBe(expectedLines, ignoreOrder: true, because);
            preview.Lines.Select(l => l.BilledMinutes!.Value).ShouldBe(c.Minutes.Select(m => Billed(m, c.Rounding)), ignoreOrder: true, because);
            (preview.Subtotal, preview.Tax, preview.Total).ShouldBe((subtotal, tax, subtotal + tax), because);
            invoice.Lines.Select(l => l.Amount).ShouldBe(preview.Lines.Select(l => l.Amount), because);
            (invoice.Currency, invoice.Subtotal, invoice.TaxRatePercent, invoice.Tax, invoice.Total).ShouldBe(
                (c.Currency, subtotal, c.TaxRatePercent, tax, subtotal + tax), because);

            if (i % 10 == 0 && invoice.Total > 0)
            {
                var sent = (await admin.SendOkAsync(invoice.Id)).Invoice;
                var paid = await (await admin.PayAsync(sent.Id, sent.Balance)).ReadAsync<InvoiceDetailDto>();
                (sent.Total, paid.Status, paid.Paid, paid.Balance).ShouldBe((subtotal + tax, InvoiceStatus.Paid, subtotal + tax, 0m), because);
            }
        }
    }
}

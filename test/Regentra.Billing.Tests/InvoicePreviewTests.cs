using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /api/billing/invoices/preview: the lines, the rounding and the totals, without writing anything.</summary>
public sealed class InvoicePreviewTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private async Task<int[]> BillingRowsAsync() =>
    [
        await app.CountAsync<Invoice>(), await app.CountAsync<InvoiceLine>(),
        await app.CountAsync<ClientBillingLock>(), await app.CountAsync<InvoiceNumberSequence>(),
    ];

    [Fact]
    public async Task A_preview_shows_each_approved_entry_with_date_technician_ticket_billed_hours_rate_and_amount()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        await admin.SetAgreementAsync(client.Id, Hourly(90m, rounding: new RoundingRule(15, 0)));
        var entries = await admin.LogApprovedAsync(admin,
            TicketTime(ticket.Id, 20, Feb(3)) with { Description = "Replaced toner" }, ClientTime(client.Id, 61, Feb(5)));

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.ShouldBe(
        [
            new InvoiceLineDto(null, InvoiceLineKind.Time, Feb(3), "Ada Admin", ticket.Number, "Replaced toner", 0.5m, 90m, 45m, 20, 30, entries[0].Id),
            new InvoiceLineDto(null, InvoiceLineKind.Time, Feb(5), "Ada Admin", null, "Site visit", 1.25m, 90m, 112.5m, 61, 75, entries[1].Id),
        ]);
        (preview.ClientId, preview.ClientName, preview.From, preview.To, preview.Currency).ShouldBe((client.Id, client.Name, Feb1, Mar1, "USD"));
        (preview.Subtotal, preview.TaxRatePercent, preview.Tax, preview.Total).ShouldBe((157.5m, 20m, 31.5m, 189m));
        (preview.CoveredHours, preview.BlockHours).ShouldBe((0m, null));
        preview.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_preview_writes_nothing_and_leaves_the_entries_unlocked()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entries = await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 90);
        var before = await BillingRowsAsync();

        await admin.PreviewOkAsync(client.Id);
        await admin.PreviewOkAsync(client.Id, Feb(2), Feb(3));

        (await BillingRowsAsync()).ShouldBe(before);
        foreach (var entry in entries)
        {
            (await admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
        }
    }

    [Fact]
    public async Task Only_work_dates_inside_the_half_open_period_are_previewed()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entries = await admin.LogApprovedAsync(admin,
            ClientTime(client.Id, 60, new DateOnly(2026, 1, 31)), ClientTime(client.Id, 60, Feb1), ClientTime(client.Id, 60, Feb(28)), ClientTime(client.Id, 60, Mar1));

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => l.TimeEntryId).ShouldBe([entries[1].Id, entries[2].Id]);
    }

    [Fact]
    public async Task A_minimum_raises_short_entries_and_the_actual_minutes_are_kept()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(120m, rounding: new RoundingRule(0, 60)));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 10, 75);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => (l.ActualMinutes, l.BilledMinutes, l.Quantity, l.Amount)).ShouldBe([(10, 60, 1m, 120m), (75, 75, 1.25m, 150m)]);
    }

    [Fact]
    public async Task Rounding_goes_up_to_the_increment_then_to_the_minimum()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(60m, rounding: new RoundingRule(15, 30)));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 1, 30, 31, 46);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => (l.ActualMinutes, l.BilledMinutes)).ShouldBe([(1, 30), (30, 30), (31, 45), (46, 60)]);
        preview.Subtotal.ShouldBe(165m);
    }

    [Fact]
    public async Task Line_amounts_come_from_exact_minutes_and_round_half_away_from_zero_as_does_the_tax()
    {
        var admin = await app.SignUpAsync();
        await admin.ConfigureBillingAsync(taxRatePercent: 50m);
        var client = await admin.CreateBillingClientAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(0.3m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 5, 4);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => l.Amount).ShouldBe([0.03m, 0.02m]); // 0.025 → 0.03, not 0.02
        (preview.Subtotal, preview.Tax, preview.Total).ShouldBe((0.05m, 0.03m, 0.08m)); // 0.025 → 0.03
    }

    [Fact]
    public async Task Amounts_follow_the_minor_unit_of_the_clients_currency()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var amounts = new List<(decimal Quantity, decimal Amount, decimal Tax)>();
        foreach (var (currency, rate) in new[] { ("USD", 100m), ("JPY", 1000m), ("KWD", 1m) })
        {
            var client = await admin.CreateBillingClientAsync(currency: currency);
            await admin.SetAgreementAsync(client.Id, Hourly(rate));
            await admin.LogApprovedAsync(admin, ClientTime(client.Id, 1, Feb(10)));
            var preview = await admin.PreviewOkAsync(client.Id);
            amounts.Add((preview.Lines.Single().Quantity, preview.Lines.Single().Amount, preview.Tax));
        }

        // One minute: 1.666… USD, 16.66… JPY, 0.01666… KWD; the quantity shows 0.02 h but is not what is priced.
        amounts.ShouldBe([(0.02m, 1.67m, 0.33m), (0.02m, 17m, 3m), (0.02m, 0.017m, 0.003m)]);
    }

    [Fact]
    public async Task Time_without_an_agreement_bills_at_the_organisations_default_rate()
    {
        var admin = await app.SignUpAsync();
        await admin.ConfigureBillingAsync(defaultHourlyRate: 80m, taxRatePercent: 8.875m);
        var client = await admin.CreateBillingClientAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 45);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Single().ShouldSatisfyAllConditions(l => l.UnitPrice.ShouldBe(80m), l => l.Amount.ShouldBe(60m), l => l.BilledMinutes.ShouldBe(45));
        (preview.Subtotal, preview.TaxRatePercent, preview.Tax, preview.Total).ShouldBe((60m, 8.875m, 5.33m, 65.33m)); // 5.325 → 5.33
    }

    [Fact]
    public async Task Each_entry_bills_under_the_agreement_in_effect_on_its_work_date()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.SetAgreementAsync(client.Id, Hourly(150m, from: Feb(15)));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, Feb(14)), ClientTime(client.Id, 60, Feb(15)));

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => (l.Date, l.UnitPrice, l.Amount)).ShouldBe([(Feb(14), 100m, 100m), (Feb(15), 150m, 150m)]);
    }

    [Fact]
    public async Task A_preview_request_needs_a_client_and_a_period_of_at_most_366_days()
    {
        var admin = await app.SignUpAsync();

        var responses = new[]
        {
            (await admin.Client.PostJsonAsync("/api/billing/invoices/preview", new InvoiceRequest(null, Feb1, Mar1)), "clientId"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/preview", new InvoiceRequest(Guid.NewGuid(), null, Mar1)), "from"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/preview", new InvoiceRequest(Guid.NewGuid(), Feb1, Feb1)), "to"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/preview", new InvoiceRequest(Guid.NewGuid(), Feb1, Feb1.AddDays(367))), "to"),
            (await admin.PreviewAsync(Guid.NewGuid()), "clientId"),
        };

        foreach (var (response, field) in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }
    }
}

using Regentra.Billing.Contracts.Reports;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>GET /api/billing/reports/aging: what is still due on sent invoices, by days past due, per client and currency.</summary>
public sealed class InvoiceAgingTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    // Invoices sent on the test clock's today (2026-03-02) with 14 days' terms fall due on 2026-03-16.
    private static readonly DateOnly Due = new(2026, 3, 16);

    private static Task<InvoiceAgingDto> AgingAsync(TenantSession session, DateOnly? asOf) =>
        session.Client.GetAsync<InvoiceAgingDto>($"/api/billing/reports/aging{(asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : string.Empty)}");

    [Fact]
    public async Task Open_balances_move_through_the_buckets_as_days_pass()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60); // 120.00
        await (await admin.PayAsync(sent.Id, 20m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var buckets = new List<AgingAmountsDto>();
        foreach (var days in new[] { 0, 1, 31, 61, 91 })
        {
            buckets.Add((await AgingAsync(admin, Due.AddDays(days))).Totals.ShouldHaveSingleItem().Amounts);
        }

        buckets.Select(b => (b.Current, b.Days1To30, b.Days31To60, b.Days61To90, b.Over90, b.Total, b.Invoices)).ShouldBe(
        [
            (100m, 0m, 0m, 0m, 0m, 100m, 1), (0m, 100m, 0m, 0m, 0m, 100m, 1), (0m, 0m, 100m, 0m, 0m, 100m, 1),
            (0m, 0m, 0m, 100m, 0m, 100m, 1), (0m, 0m, 0m, 0m, 100m, 100m, 1),
        ]);
    }

    [Fact]
    public async Task Paid_void_and_draft_invoices_are_not_owed_and_currencies_stay_apart()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.FebruarySentAsync(client.Id, 60);
        var euros = await admin.CreateBillingClientAsync(currency: "EUR");
        await admin.SetAgreementAsync(euros.Id, Hourly(50m));
        await admin.FebruarySentAsync(euros.Id, 90); // 75.00 + 20 % = 90.00 EUR
        var paid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(paid.Id, 120m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var voided = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.VoidAsync(voided.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 60);

        var aging = await AgingAsync(admin, Due.AddDays(5));

        aging.Totals.Select(t => (t.Currency, t.Amounts.Days1To30, t.Amounts.Invoices)).ShouldBe([("EUR", 90m, 1), ("USD", 120m, 1)]);
        aging.Clients.Select(c => (c.ClientId, c.Currency, c.Amounts.Total, c.OldestDueDate)).ShouldBe(
            [(client.Id, "USD", 120m, Due), (euros.Id, "EUR", 90m, Due)], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_a_date_the_report_is_as_of_the_organisations_today()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.FebruarySentAsync(client.Id, 60);

        var aging = await AgingAsync(admin, null);

        (aging.AsOf, aging.Totals.ShouldHaveSingleItem().Amounts.Current).ShouldBe((PsaApi.Monday, 120m));
    }

    [Fact]
    public async Task A_malformed_date_is_a_clear_400()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync("/api/billing/reports/aging?asOf=yesterday");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("BadRequest");
    }

    [Theory]
    [InlineData("Manager", true)]
    [InlineData("ReadOnly", true)]
    [InlineData("Technician", false)]
    public async Task Those_who_may_see_invoices_may_see_the_aging(string role, bool allowed)
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync(role);

        var response = await member.Client.GetResponseAsync("/api/billing/reports/aging");

        response.StatusCode.ShouldBe(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_organisations_invoices_are_never_in_the_report()
    {
        var (a, client) = await app.SignUpBillingAsync();
        await a.FebruarySentAsync(client.Id, 60);
        var b = await app.SignUpAsync();

        var aging = await AgingAsync(b, Due.AddDays(5));

        (aging.Totals.Count, aging.Clients.Count).ShouldBe((0, 0));
    }
}

using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>GET /api/billing/invoices/totals: what every page of a filtered list adds up to, per currency.</summary>
public sealed class InvoiceTotalsTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<List<InvoiceTotalsDto>> TotalsAsync(TenantSession session, string query = "") =>
        session.Client.GetAsync<List<InvoiceTotalsDto>>($"/api/billing/invoices/totals?{query}");

    [Fact]
    public async Task Totals_follow_the_lists_filters_and_keep_currencies_apart()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.FebruarySentAsync(client.Id, 60); // 120.00 USD
        await (await admin.PayAsync(first.Id, 20m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 120); // 240.00 USD
        var euros = await admin.CreateBillingClientAsync(currency: "EUR");
        await admin.SetAgreementAsync(euros.Id, Hourly(50m));
        await admin.FebruaryDraftAsync(euros.Id, 60); // 60.00 EUR, draft

        var all = await TotalsAsync(admin);
        var sent = await TotalsAsync(admin, "status=Sent,PartiallyPaid");
        var oneClient = await TotalsAsync(admin, $"clientId={client.Id}");

        all.ShouldBe([new("EUR", 1, 60m, 0m, 0m), new("USD", 2, 360m, 20m, 340m)]);
        sent.ShouldBe([new("USD", 2, 360m, 20m, 340m)]);
        oneClient.ShouldBe([new("USD", 1, 120m, 20m, 100m)]);
        (await admin.ListInvoicesAsync("status=Sent,PartiallyPaid")).Items.Sum(i => i.Total).ShouldBe(sent.Single().Total);
    }

    [Fact]
    public async Task Void_invoices_are_counted_but_owe_nothing_and_drafts_are_not_due_yet()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var voided = await admin.FebruarySentAsync(client.Id, 60); // 120.00 USD
        await (await admin.VoidAsync(voided.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var open = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 120); // 240.00 USD
        await (await admin.PayAsync(open.Id, 40m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 30); // 60.00 USD, draft

        var all = await TotalsAsync(admin);
        var onlyVoid = await TotalsAsync(admin, "status=Void");

        all.ShouldBe([new("USD", 3, 300m, 40m, 200m)]);
        onlyVoid.ShouldBe([new("USD", 1, 0m, 0m, 0m)]);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_like_the_lists()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync("/api/billing/invoices/totals?status=Unpaid");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["status"]);
    }

    [Fact]
    public async Task Technicians_may_not_and_other_organisations_add_nothing()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.FebruarySentAsync(client.Id, 60);
        var technician = await admin.AddMemberAsync("Technician");
        var other = await app.SignUpAsync();

        (await technician.Client.GetResponseAsync("/api/billing/invoices/totals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TotalsAsync(other)).ShouldBeEmpty();
    }
}

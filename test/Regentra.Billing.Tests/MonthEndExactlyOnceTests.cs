using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Psa.Contracts.Clients;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>A client's month is invoiced exactly once, however often the month is run and whoever invoiced it first.</summary>
public sealed class MonthEndExactlyOnceTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    private static readonly DateOnly March = new(2026, 3, 1);

    [Fact]
    public async Task Running_a_completed_month_again_invoices_nobody_twice()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var drafted = await admin.AutoInvoicedClientAsync("Alpha Dental", $"alpha-once@{admin.Slug}.test");
        var sent = await admin.AutoInvoicedClientAsync("Bravo Law", $"bravo-once@{admin.Slug}.test", autoSend: true);
        await admin.LogApprovedAsync(manager, ClientTime(drafted.Id, 60, Feb(5)), ClientTime(sent.Id, 60, Feb(6)));
        var first = await manager.RunMonthAsync(2026, 2);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = await manager.RunMonthAsync(2026, 2);

        first.Run.Counts().ShouldBe((2, 2, 1, 0, 0));
        second.Run.Status.ShouldBe(BillingRunStatus.Completed);
        second.Run.Id.ShouldNotBe(first.Run.Id);
        second.Run.Counts().ShouldBe((2, 0, 0, 2, 0));
        foreach (var client in new[] { drafted, sent })
        {
            var item = second.ItemOf(client.Id);
            item.Outcome.ShouldBe("Skipped");
            item.InvoiceId.ShouldBe(first.ItemOf(client.Id).InvoiceId);
            item.Message!.ShouldContain("already has an invoice");
            (await manager.InvoicesOfAsync(client.Id)).ShouldHaveSingleItem().Id.ShouldBe(first.ItemOf(client.Id).InvoiceId!.Value);
        }

        app.SentTo($"bravo-once@{admin.Slug}.test").ShouldHaveSingleItem();
        (await manager.Client.RunsAsync()).Select(r => r.Id).ShouldBe([second.Run.Id, first.Run.Id]);
    }

    [Fact]
    public async Task A_client_invoiced_by_hand_before_the_run_is_skipped_and_keeps_that_invoice()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var early = await admin.AutoInvoicedClientAsync("Early Bird", $"early@{admin.Slug}.test", autoSend: true);
        var other = await admin.AutoInvoicedClientAsync("Later Co", $"later@{admin.Slug}.test");
        await admin.LogApprovedAsync(manager, ClientTime(early.Id, 60, Feb(5)), ClientTime(other.Id, 60, Feb(6)));
        var byHand = await (await manager.Client.PostJsonAsync("/api/billing/invoices", new InvoiceRequest(early.Id, Feb(1), March)))
            .ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created);

        var run = await manager.RunMonthAsync(2026, 2);

        run.Run.Counts().ShouldBe((2, 1, 0, 1, 0));
        var skipped = run.ItemOf(early.Id);
        (skipped.Outcome, skipped.InvoiceId, skipped.Sent).ShouldBe(("Skipped", byHand.Id, false));
        skipped.Message!.ShouldContain("Early Bird already has an invoice");
        var invoice = (await manager.InvoicesOfAsync(early.Id)).ShouldHaveSingleItem();
        (invoice.Id, invoice.Status).ShouldBe((byHand.Id, InvoiceStatus.Draft));
        app.SentTo($"early@{admin.Slug}.test").ShouldBeEmpty();
        run.ItemOf(other.Id).Outcome.ShouldBe("Invoiced");
    }

    [Fact]
    public async Task A_client_whose_invoice_was_voided_is_invoiced_again_by_the_next_run()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var voided = await admin.AutoInvoicedClientAsync("Void Me", $"void-me@{admin.Slug}.test", autoSend: true);
        var kept = await admin.AutoInvoicedClientAsync("Keep Me", $"keep-me@{admin.Slug}.test", autoSend: true);
        var entries = await admin.LogApprovedAsync(manager, ClientTime(voided.Id, 90, Feb(5)), ClientTime(kept.Id, 60, Feb(6)));
        var first = await manager.RunMonthAsync(2026, 2);
        var old = first.ItemOf(voided.Id).InvoiceId!.Value;
        await (await manager.Client.PostJsonAsync($"/api/billing/invoices/{old}/void", new VoidInvoiceRequest("Wrong rate")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var second = await manager.RunMonthAsync(2026, 2);

        second.Run.Counts().ShouldBe((2, 1, 1, 1, 0));
        var again = second.ItemOf(voided.Id);
        (again.Outcome, again.Sent).ShouldBe(("Invoiced", true));
        again.InvoiceId.ShouldNotBe(old);
        var invoices = await manager.InvoicesOfAsync(voided.Id);
        invoices.Select(i => (i.Id, i.Status)).ShouldBe([(again.InvoiceId!.Value, InvoiceStatus.Sent), (old, InvoiceStatus.Void)], ignoreOrder: true);
        invoices.Select(i => i.Total).ShouldAllBe(total => total == 150m);
        (await admin.GetEntryAsync(entries[0].Id)).InvoiceId.ShouldBe(again.InvoiceId);
        app.SentTo($"void-me@{admin.Slug}.test").Count.ShouldBe(2);
        second.ItemOf(kept.Id).Outcome.ShouldBe("Skipped");
        (await manager.InvoicesOfAsync(kept.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Starting_a_month_several_times_at_once_still_invoices_and_emails_each_client_once()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var clients = new List<ClientDto>();
        for (var i = 1; i <= 4; i++)
        {
            clients.Add(await admin.AutoInvoicedClientAsync($"Rush {i}", $"rush{i}@{admin.Slug}.test", autoSend: true));
        }

        await admin.LogApprovedAsync(manager, [.. clients.Select((c, i) => ClientTime(c.Id, 60, Feb(2 + i)))]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.StartRunAsync(2026, 2)));
        var accepted = new List<BillingRunDetailDto>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
        {
            accepted.Add(await manager.WaitForRunAsync((await response.ReadAsync<BillingRunDto>(HttpStatusCode.Accepted)).Id));
        }

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted || r.StatusCode == HttpStatusCode.Conflict);
        accepted.ShouldNotBeEmpty();
        foreach (var client in clients)
        {
            var invoice = (await manager.InvoicesOfAsync(client.Id)).ShouldHaveSingleItem();
            invoice.Status.ShouldBe(InvoiceStatus.Sent);
            app.SentTo(client.BillingEmail!).ShouldHaveSingleItem();
            accepted.Select(r => r.ItemOf(client.Id)).Count(i => i.Outcome == "Invoiced").ShouldBe(1);
            accepted.Select(r => r.ItemOf(client.Id)).ShouldAllBe(i => i.InvoiceId == invoice.Id);
        }
    }
}

using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>A month-end run started by hand: 202 at once, then one invoice per autoInvoice client, followed through GET.</summary>
public sealed class MonthEndRunTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    [Fact]
    public async Task A_run_started_by_hand_answers_at_once_and_invoices_each_auto_invoiced_client_once()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var drafted = await admin.AutoInvoicedClientAsync("Alpha Dental", $"alpha@{admin.Slug}.test");
        var sent = await admin.AutoInvoicedClientAsync("Bravo Law", $"bravo@{admin.Slug}.test", autoSend: true);
        var idle = await admin.AutoInvoicedClientAsync("Charlie Idle", $"charlie@{admin.Slug}.test");
        var byHand = await admin.CreateClientWithEmailAsync("Delta By Hand", $"delta@{admin.Slug}.test");
        await admin.PutHourlyAgreementAsync(byHand.Id, autoInvoice: false);
        var entries = await admin.LogApprovedAsync(manager,
            ClientTime(drafted.Id, 90, Feb(3)), ClientTime(drafted.Id, 30, Feb(28)), ClientTime(sent.Id, 60, Feb(10)), ClientTime(byHand.Id, 60, Feb(10)));

        var response = await manager.StartRunAsync(2026, 2);
        var started = await response.ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        var run = await manager.WaitForRunAsync(started.Id);

        response.Headers.Location.ShouldBe(new Uri($"/api/billing/runs/{started.Id}", UriKind.Relative));
        (started.Year, started.Month, started.PeriodStart, started.PeriodEnd, started.Trigger).ShouldBe((2026, 2, Feb(1), new DateOnly(2026, 3, 1), "Manual"));
        started.Status.ShouldBe(BillingRunStatus.Queued);
        run.Run.Status.ShouldBe(BillingRunStatus.Completed);
        run.Run.TotalClients.ShouldBe(3);
        run.Run.Counts().ShouldBe((3, 2, 1, 1, 0));
        run.Run.FinishedAt.ShouldNotBeNull();
        run.Items.Select(i => (i.ClientName, i.Outcome, i.Sent)).ShouldBe(
            [("Alpha Dental", "Invoiced", false), ("Bravo Law", "Invoiced", true), ("Charlie Idle", "Skipped", false)]);

        var draft = (await manager.InvoicesOfAsync(drafted.Id)).ShouldHaveSingleItem();
        (draft.Id, draft.Status, draft.Number, draft.Total).ShouldBe((run.ItemOf(drafted.Id).InvoiceId!.Value, InvoiceStatus.Draft, null, 200m));
        (draft.PeriodStart, draft.PeriodEnd).ShouldBe((Feb(1), new DateOnly(2026, 3, 1)));
        var issued = (await manager.InvoicesOfAsync(sent.Id)).ShouldHaveSingleItem();
        (issued.Id, issued.Status, issued.Number, issued.Total).ShouldBe((run.ItemOf(sent.Id).InvoiceId!.Value, InvoiceStatus.Sent, "INV-2026-00001", 100m));
        app.SentTo($"bravo@{admin.Slug}.test").ShouldHaveSingleItem().Subject.ShouldStartWith("Invoice INV-2026-00001 from ");
        app.SentTo($"alpha@{admin.Slug}.test").ShouldBeEmpty();

        var skipped = run.ItemOf(idle.Id);
        skipped.InvoiceId.ShouldBeNull();
        skipped.Message!.ShouldContain("Nothing to invoice for Charlie Idle");
        (await manager.InvoicesOfAsync(idle.Id)).ShouldBeEmpty();

        run.Items.ShouldNotContain(i => i.ClientId == byHand.Id);
        (await manager.InvoicesOfAsync(byHand.Id)).ShouldBeEmpty();
        (await admin.GetEntryAsync(entries[3].Id)).InvoiceId.ShouldBeNull();
        (await admin.GetEntryAsync(entries[0].Id)).InvoiceId.ShouldBe(draft.Id);
    }

    [Fact]
    public async Task A_clean_run_that_sends_its_invoices_logs_no_warning_or_error_and_one_summary_line()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var clients = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add((await admin.AutoInvoicedClientAsync($"Quiet Client {i}", $"quiet{i}@{admin.Slug}.test", autoSend: true)).Id);
        }

        await admin.AutoInvoicedClientAsync("Quiet Idle", $"idle@{admin.Slug}.test", autoSend: true);
        await admin.LogApprovedAsync(manager, clients.Select(c => ClientTime(c, 60, Feb(9))).ToArray());
        var before = app.Logged.Count;

        var started = await (await manager.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        var run = await manager.WaitForRunAsync(started.Id);

        run.Run.Counts().ShouldBe((5, 4, 4, 1, 0));
        var logged = app.Logged.Skip(before).ToList();
        logged.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Message}")
            .ShouldBeEmpty("A run that went well must not look like trouble in the logs");
        logged.Where(l => l.Message.Contains(started.Id.ToString(), StringComparison.Ordinal) && l.Message.Contains(" finished ", StringComparison.Ordinal))
            .ShouldHaveSingleItem().Message.ShouldContain("finished Completed: 5 clients, 4 invoiced, 4 sent, 1 skipped, 0 failed");
    }

    [Fact]
    public async Task The_run_list_shows_the_run_with_the_counts_of_its_items()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var client = await admin.AutoInvoicedClientAsync("Echo Freight", $"echo@{admin.Slug}.test");
        await admin.AutoInvoicedClientAsync("Foxtrot Idle", $"foxtrot@{admin.Slug}.test");
        await admin.LogApprovedAsync(manager, ClientTime(client.Id, 45, Feb(12)));

        var run = await manager.RunMonthAsync(2026, 2);
        var runs = await manager.Client.RunsAsync();

        runs.ShouldHaveSingleItem().ShouldBe(run.Run);
        run.Run.Counts().ShouldBe((2, 1, 0, 1, 0));
        (run.Run.Status, run.Run.TotalClients, run.Run.Trigger).ShouldBe((BillingRunStatus.Completed, 2, "Manual"));
    }
}

using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>
/// The run plans every client from one read, then invoices clean plans in batches. Whatever changes between that read
/// and a batch's transaction, the batch is saved whole or not at all, and its clients then go one at a time.
/// </summary>
public sealed class MonthEndBatchTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    private sealed record Arranged(TenantSession Admin, TenantSession Manager, Guid Alpha, Guid Bravo, Guid Charlie, TimeEntryDto BravoEntry);

    /// <summary>Three clean clients of one batch, an hour each at 100 an hour.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var alpha = await admin.AutoInvoicedClientAsync("Alpha", $"alpha@{admin.Slug}.test");
        var bravo = await admin.AutoInvoicedClientAsync("Bravo", $"bravo@{admin.Slug}.test");
        var charlie = await admin.AutoInvoicedClientAsync("Charlie", $"charlie@{admin.Slug}.test");
        var entries = await admin.LogApprovedAsync(manager, ClientTime(alpha.Id, 60, Feb(2)), ClientTime(bravo.Id, 60, Feb(3)), ClientTime(charlie.Id, 60, Feb(4)));
        return new Arranged(admin, manager, alpha.Id, bravo.Id, charlie.Id, entries[1]);
    }

    [Fact]
    public async Task An_entry_reopened_edited_and_approved_again_after_the_run_read_it_is_billed_as_it_is_now()
    {
        var m = await ArrangeAsync();
        var run = await RunWithChangeAfterTheReadAsync(m, async () =>
        {
            // Approved, billable and uninvoiced again, as the run read it, but now two hours long.
            var id = m.BravoEntry.Id;
            await (await m.Manager.ReopenAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await (await m.Manager.RejectAsync("Two hours, not one", id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            var rejected = await m.Admin.GetEntryAsync(id);
            await (await m.Admin.PutEntryAsync(id, rejected.AsUpdate() with { DurationMinutes = 120 })).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await (await m.Admin.ActAsync("submit", id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await (await m.Manager.ActAsync("approve", id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        });

        run.Run.Error.ShouldBeNull();
        run.Items.Select(i => (i.ClientName, i.Outcome)).ShouldBe([("Alpha", "Invoiced"), ("Bravo", "Invoiced"), ("Charlie", "Invoiced")]);
        var bravo = await m.Manager.Client.GetAsync<InvoiceDetailDto>($"/api/billing/invoices/{run.ItemOf(m.Bravo).InvoiceId}");
        bravo.Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => l.TimeEntryId.ShouldBe(m.BravoEntry.Id), l => l.ActualMinutes.ShouldBe(120), l => l.Amount.ShouldBe(200m));
        bravo.Subtotal.ShouldBe(200m);
        (await m.Admin.GetEntryAsync(m.BravoEntry.Id)).InvoiceId.ShouldBe(bravo.Id);
        (await m.Manager.InvoicesOfAsync(m.Alpha)).ShouldHaveSingleItem().Subtotal.ShouldBe(100m);
        (await m.Manager.InvoicesOfAsync(m.Charlie)).ShouldHaveSingleItem().Subtotal.ShouldBe(100m);
    }

    [Fact]
    public async Task A_client_invoiced_by_hand_after_the_run_read_its_time_keeps_that_invoice_and_the_rest_of_the_batch_is_invoiced()
    {
        var m = await ArrangeAsync();
        InvoiceDetailDto? byHand = null;
        var run = await RunWithChangeAfterTheReadAsync(m, async () => byHand = await m.Manager.GenerateOkAsync(m.Bravo));

        run.Run.Status.ShouldBe(BillingRunStatus.Completed);
        run.Items.Select(i => (i.ClientName, i.Outcome)).ShouldBe([("Alpha", "Invoiced"), ("Bravo", "Skipped"), ("Charlie", "Invoiced")]);
        run.ItemOf(m.Bravo).Message!.ShouldContain("already has an invoice");
        (await m.Manager.InvoicesOfAsync(m.Bravo)).ShouldHaveSingleItem().Id.ShouldBe(byHand!.Id);
        (await m.Admin.GetEntryAsync(m.BravoEntry.Id)).InvoiceId.ShouldBe(byHand.Id);
        (await m.Manager.InvoicesOfAsync(m.Alpha)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
        (await m.Manager.InvoicesOfAsync(m.Charlie)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
    }

    /// <summary>Runs February, making <paramref name="change"/> while the run holds the plans it made from its read.</summary>
    private async Task<BillingRunDetailDto> RunWithChangeAfterTheReadAsync(Arranged m, Func<Task> change)
    {
        var pause = app.PauseTheNextRunAfterItReadsTime();
        var started = await (await m.Manager.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        await pause.Reached.WaitAsync(RunTimeout);
        try
        {
            await change();
        }
        finally
        {
            pause.Resume();
        }

        return await m.Manager.WaitForRunAsync(started.Id);
    }
}

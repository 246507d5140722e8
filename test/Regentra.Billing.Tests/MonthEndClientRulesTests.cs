using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>Which clients a run leaves alone, and that it says so: inactive clients, and invoices a manager made by hand.</summary>
public sealed class MonthEndClientRulesTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    [Fact]
    public async Task An_inactive_client_is_skipped_with_the_reason_and_its_time_stays_unbilled()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var active = await admin.AutoInvoicedClientAsync("Active Ltd", $"active@{admin.Slug}.test", autoSend: true);
        var gone = await admin.AutoInvoicedClientAsync("Gone Ltd", $"gone@{admin.Slug}.test", autoSend: true);
        var entries = await admin.LogApprovedAsync(manager, ClientTime(active.Id, 60, Feb(2)), ClientTime(gone.Id, 60, Feb(3)));
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{gone.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var run = await manager.RunMonthAsync(2026, 2);

        run.Run.Counts().ShouldBe((2, 1, 1, 1, 0));
        var skipped = run.ItemOf(gone.Id);
        (skipped.Outcome, skipped.InvoiceId, skipped.Sent).ShouldBe(("Skipped", null, false));
        skipped.Message!.ShouldContain("inactive");
        (await manager.InvoicesOfAsync(gone.Id)).ShouldBeEmpty();
        (await admin.GetEntryAsync(entries[1].Id)).InvoiceId.ShouldBeNull();
        app.SentTo($"gone@{admin.Slug}.test").ShouldBeEmpty();
        run.ItemOf(active.Id).Outcome.ShouldBe("Invoiced");
    }

    [Fact]
    public async Task A_draft_a_manager_made_by_hand_is_neither_duplicated_nor_sent_even_when_the_agreement_says_auto_send()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var client = await admin.AutoInvoicedClientAsync("Hand Made Ltd", $"hand@{admin.Slug}.test", autoSend: true);
        await admin.LogApprovedAsync(manager, ClientTime(client.Id, 60, Feb(4)));
        var draft = await manager.GenerateOkAsync(client.Id, BillingApi.Feb1, BillingApi.Mar1);

        var run = await manager.RunMonthAsync(2026, 2);

        var item = run.ItemOf(client.Id);
        (item.Outcome, item.InvoiceId, item.Sent).ShouldBe(("Skipped", draft.Id, false));
        item.Message!.ShouldContain("already has an invoice");
        (await manager.InvoicesOfAsync(client.Id)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
        app.SentTo($"hand@{admin.Slug}.test").ShouldBeEmpty();
    }
}

using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>Invoice numbers under simultaneous sends: gapless, each used once, never taken by a send that loses a race.</summary>
public sealed class InvoiceSendNumberingTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Ten_drafts_sent_at_once_get_the_numbers_1_to_10_exactly_once()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var drafts = new List<InvoiceDetailDto>();
        for (var i = 0; i < 10; i++)
        {
            drafts.Add(await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 60));
        }

        var responses = await Task.WhenAll(drafts.Select(d => admin.SendAsync(d.Id)));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            var sent = await response.ReadAsync<SentInvoice>();
            (sent.Emailed, sent.Invoice.Status).ShouldBe((true, InvoiceStatus.Sent));
            numbers.Add(sent.Invoice.Number!);
        }

        numbers.Order(StringComparer.Ordinal).ShouldBe([.. Enumerable.Range(1, 10).Select(n => $"INV-2026-{n:D5}")]);
        (await admin.ListInvoicesAsync("take=100")).Items.Select(i => i.Number).ShouldBe(numbers, ignoreOrder: true);
    }

    [Fact]
    public async Task One_draft_sent_twice_at_once_uses_one_number_and_the_next_invoice_gets_the_next()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var responses = await Task.WhenAll(admin.SendAsync(draft.Id), admin.SendAsync(draft.Id));
        var next = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);

        var numbers = new List<string?>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                numbers.Add((await response.ReadAsync<SentInvoice>()).Invoice.Number);
            }
            else
            {
                (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
            }
        }

        numbers.ShouldNotBeEmpty();
        numbers.ShouldAllBe(n => n == "INV-2026-00001");
        (await admin.GetInvoiceAsync(draft.Id)).Number.ShouldBe("INV-2026-00001");
        next.Number.ShouldBe("INV-2026-00002");
    }
}

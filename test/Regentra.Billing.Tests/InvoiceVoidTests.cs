using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /invoices/{id}/void: unpaid sent invoices only, with a reason; the time is released, the number is kept and never reused.</summary>
public sealed class InvoiceVoidTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Voiding_an_unpaid_sent_invoice_keeps_its_number_and_releases_its_entries()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60, 30);

        var voided = await (await admin.VoidAsync(sent.Id, "  Wrong client  ")).ReadAsync<InvoiceDetailDto>();

        (voided.Status, voided.Number, voided.VoidReason, voided.VoidedAt).ShouldBe((InvoiceStatus.Void, "INV-2026-00001", "Wrong client", RegentraApp.Start.UtcDateTime));
        (voided.Total, voided.Lines.Count).ShouldBe((sent.Total, 2));
        (await admin.GetInvoiceAsync(sent.Id)).ShouldBeEquivalentInvoice(voided);
        foreach (var line in sent.Lines)
        {
            var entry = await admin.GetEntryAsync(line.TimeEntryId!.Value);
            (entry.InvoiceId, entry.Status).ShouldBe((null, TimeEntryStatus.Approved));
        }

        await (await admin.Client.PostJsonAsync($"/api/psa/time-entries/{sent.Lines[0].TimeEntryId}/reopen", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_period_invoiced_again_gets_a_new_number_and_the_void_one_stays_listed()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.FebruarySentAsync(client.Id, 60);
        await (await admin.VoidAsync(first.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var second = (await admin.SendOkAsync((await admin.GenerateOkAsync(client.Id)).Id)).Invoice;

        second.Number.ShouldBe("INV-2026-00002");
        second.Lines.Select(l => l.TimeEntryId).ShouldBe(first.Lines.Select(l => l.TimeEntryId));
        (await admin.ListInvoicesAsync($"clientId={client.Id}&sort=number")).Items.Select(i => (i.Number, i.Status)).ShouldBe(
            [("INV-2026-00001", InvoiceStatus.Void), ("INV-2026-00002", InvoiceStatus.Sent)]);
    }

    [Fact]
    public async Task A_reason_is_required()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);

        var responses = new[] { await admin.VoidAsync(sent.Id, null), await admin.VoidAsync(sent.Id, "   "), await admin.VoidAsync(sent.Id, new string('x', 1001)) };

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["reason"]);
        }

        (await admin.GetInvoiceAsync(sent.Id)).ShouldBeEquivalentInvoice(sent);
    }

    [Fact]
    public async Task A_draft_is_deleted_not_voided()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var response = await admin.VoidAsync(draft.Id);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        (problem.Code, problem.Detail).ShouldBe((BillingErrorCodes.NotVoidable, "A draft is not voided; delete it instead."));
        (await admin.GetEntryAsync(draft.Lines[0].TimeEntryId!.Value)).InvoiceId.ShouldBe(draft.Id);
    }

    [Fact]
    public async Task A_paid_partially_paid_or_void_invoice_cannot_be_voided()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var paid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(paid.Id, 120m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var partly = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(partly.Id, 0.01m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var voided = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.VoidAsync(voided.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        foreach (var (invoice, status) in new[] { (paid, InvoiceStatus.Paid), (partly, InvoiceStatus.PartiallyPaid), (voided, InvoiceStatus.Void) })
        {
            (await (await admin.VoidAsync(invoice.Id)).ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotVoidable);
            var after = await admin.GetInvoiceAsync(invoice.Id);
            after.Status.ShouldBe(status);
            if (status != InvoiceStatus.Void)
            {
                (await admin.GetEntryAsync(after.Lines[0].TimeEntryId!.Value)).InvoiceId.ShouldBe(invoice.Id);
            }
        }
    }

    [Fact]
    public async Task A_zero_total_invoice_which_counts_as_paid_on_sending_can_still_be_voided_and_its_period_invoiced_again()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        await (await admin.AddLineAsync(draft.Id, "Goodwill: first month free", 1m, -100m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var sent = (await admin.SendOkAsync(draft.Id)).Invoice;

        var voided = await (await admin.VoidAsync(sent.Id, "Should have been billed after all")).ReadAsync<InvoiceDetailDto>();
        var again = await admin.GenerateOkAsync(client.Id);

        (sent.Status, sent.Total, sent.Paid).ShouldBe((InvoiceStatus.Paid, 0m, 0m));
        (voided.Status, voided.Number).ShouldBe((InvoiceStatus.Void, sent.Number));
        (again.Status, again.Total).ShouldBe((InvoiceStatus.Draft, 120m));
        again.Lines.Single().TimeEntryId.ShouldBe(draft.Lines[0].TimeEntryId);
    }

    [Fact]
    public async Task An_unknown_invoice_is_not_found()
    {
        var admin = await app.SignUpAsync();

        (await (await admin.VoidAsync(Guid.NewGuid())).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }
}

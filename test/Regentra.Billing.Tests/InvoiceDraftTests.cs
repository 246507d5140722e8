using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>Editing drafts: manual lines and discounts, totals that always add up, deleting a draft; sent invoices stay as they are.</summary>
public sealed class InvoiceDraftTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static void ShouldAddUp(InvoiceDetailDto invoice)
    {
        invoice.Subtotal.ShouldBe(invoice.Lines.Sum(l => l.Amount));
        invoice.Tax.ShouldBe(decimal.Round(invoice.Subtotal * invoice.TaxRatePercent / 100m, 2, MidpointRounding.AwayFromZero));
        invoice.Total.ShouldBe(invoice.Subtotal + invoice.Tax);
        invoice.Balance.ShouldBe(invoice.Total - invoice.Paid);
    }

    private static Task<HttpResponseMessage> RemoveLineAsync(TenantSession session, Guid invoiceId, Guid lineId) =>
        session.Client.DeleteAsync(new Uri($"/api/billing/invoices/{invoiceId}/lines/{lineId}", UriKind.Relative));

    private static Task<HttpResponseMessage> DeleteAsync(TenantSession session, Guid invoiceId) =>
        session.Client.DeleteAsync(new Uri($"/api/billing/invoices/{invoiceId}", UriKind.Relative));

    [Fact]
    public async Task A_manual_line_is_added_at_the_end_and_the_totals_follow()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var invoice = await (await admin.AddLineAsync(draft.Id, "  Router, configured  ", 3m, 33.3333m)).ReadAsync<InvoiceDetailDto>();

        var line = invoice.Lines[^1];
        (line.Kind, line.Description, line.Quantity, line.UnitPrice, line.Amount, line.Date, line.TimeEntryId).ShouldBe(
            (InvoiceLineKind.Manual, "Router, configured", 3m, 33.3333m, 100m, null, null)); // 99.9999 → 100.00
        (invoice.Subtotal, invoice.Tax, invoice.Total).ShouldBe((200m, 40m, 240m));
        ShouldAddUp(invoice);
        (await admin.GetInvoiceAsync(draft.Id)).ShouldBeEquivalentInvoice(invoice);
    }

    [Fact]
    public async Task A_negative_unit_price_is_a_discount_down_to_zero_but_not_below()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var discounted = await (await admin.AddLineAsync(draft.Id, "Loyalty discount", 1m, -25.5m)).ReadAsync<InvoiceDetailDto>();
        var belowZero = await admin.AddLineAsync(draft.Id, "Too generous", 1m, -74.51m);
        var toZero = await (await admin.AddLineAsync(draft.Id, "Goodwill", 2m, -37.25m)).ReadAsync<InvoiceDetailDto>();

        (discounted.Subtotal, discounted.Tax, discounted.Total).ShouldBe((74.5m, 14.9m, 89.4m));
        ShouldAddUp(discounted);
        (await belowZero.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NegativeTotal);
        (toZero.Lines.Count, toZero.Subtotal, toZero.Total).ShouldBe((3, 0m, 0m));
    }

    [Fact]
    public async Task A_manual_line_can_be_removed_and_the_totals_return()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 90);
        var withLine = await (await admin.AddLineAsync(draft.Id, "Cables", 4m, 12.5m)).ReadAsync<InvoiceDetailDto>();

        var response = await RemoveLineAsync(admin, draft.Id, withLine.Lines[^1].Id!.Value);

        var invoice = await response.ReadAsync<InvoiceDetailDto>();
        invoice.Lines.ShouldBe(draft.Lines);
        (invoice.Subtotal, invoice.Tax, invoice.Total).ShouldBe((draft.Subtotal, draft.Tax, draft.Total));
        (await admin.GetInvoiceAsync(draft.Id)).Lines.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_time_or_fee_line_cannot_be_removed_and_an_unknown_line_is_not_found()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(100m, from: Feb(15)));
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var responses = draft.Lines.Select(l => RemoveLineAsync(admin, draft.Id, l.Id!.Value)).ToList();
        var unknown = await RemoveLineAsync(admin, draft.Id, Guid.NewGuid());

        draft.Lines.Select(l => l.Kind).ShouldBe([InvoiceLineKind.Fee, InvoiceLineKind.Time]);
        foreach (var response in await Task.WhenAll(responses))
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Code.ShouldBe(BillingErrorCodes.LineNotRemovable);
            problem.Detail!.ShouldContain("Only manual lines can be removed");
        }

        await unknown.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        (await admin.GetInvoiceAsync(draft.Id)).ShouldBeEquivalentInvoice(draft);
    }

    [Fact]
    public async Task A_manual_line_needs_a_description_a_positive_quantity_and_a_price_with_at_most_4_decimals()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var responses = new[]
        {
            (await admin.AddLineAsync(draft.Id, " ", 1m, 10m), "description"),
            (await admin.AddLineAsync(draft.Id, "Thing", 0m, 10m), "quantity"),
            (await admin.AddLineAsync(draft.Id, "Thing", 1.00001m, 10m), "quantity"),
            (await admin.AddLineAsync(draft.Id, "Thing", 1m, 10.00001m), "unitPrice"),
            (await admin.AddLineAsync(draft.Id, "Thing", 1m, null), "unitPrice"),
        };

        foreach (var (response, field) in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }

        (await admin.GetInvoiceAsync(draft.Id)).ShouldBeEquivalentInvoice(draft);
    }

    [Fact]
    public async Task Deleting_a_draft_releases_its_entries_so_they_can_be_invoiced_again()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60, 30);

        var response = await DeleteAsync(admin, draft.Id);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await admin.Client.GetResponseAsync($"/api/billing/invoices/{draft.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        foreach (var line in draft.Lines)
        {
            (await admin.GetEntryAsync(line.TimeEntryId!.Value)).InvoiceId.ShouldBeNull();
        }

        var again = await admin.GenerateOkAsync(client.Id);
        again.Lines.Select(l => l.TimeEntryId).ShouldBe(draft.Lines.Select(l => l.TimeEntryId));
    }

    [Fact]
    public async Task A_sent_invoice_cannot_be_edited_or_deleted()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        var withLine = await (await admin.AddLineAsync(draft.Id, "Cables", 1m, 10m)).ReadAsync<InvoiceDetailDto>();
        var sent = (await admin.SendOkAsync(draft.Id)).Invoice;

        var responses = new[]
        {
            await admin.AddLineAsync(sent.Id, "Late extra", 1m, 10m),
            await RemoveLineAsync(admin, sent.Id, withLine.Lines[^1].Id!.Value),
            await DeleteAsync(admin, sent.Id),
        };

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotDraft);
        }

        (await admin.GetInvoiceAsync(sent.Id)).ShouldBeEquivalentInvoice(sent);
        (await admin.GetEntryAsync(draft.Lines[0].TimeEntryId!.Value)).InvoiceId.ShouldBe(sent.Id);
    }

    [Fact]
    public async Task A_void_invoice_cannot_be_deleted_either()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);
        await (await admin.VoidAsync(sent.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await DeleteAsync(admin, sent.Id);

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotDraft);
        (await admin.GetInvoiceAsync(sent.Id)).Status.ShouldBe(InvoiceStatus.Void);
    }
}

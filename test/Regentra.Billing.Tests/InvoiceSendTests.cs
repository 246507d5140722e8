using System.Text;
using System.Text.RegularExpressions;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Psa.Contracts.Clients;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /invoices/{id}/send: the number, the dates, the pay link, and the email with the PDF.</summary>
public sealed partial class InvoiceSendTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [GeneratedRegex("^https://app\\.regentra\\.test/pay/[0-9a-f]{48}$")]
    private static partial Regex PayLink();

    [Fact]
    public async Task Sending_numbers_the_draft_dates_it_today_and_adds_the_payment_terms()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var sent = await admin.SendOkAsync(draft.Id);

        (sent.Emailed, sent.EmailError).ShouldBe((true, null));
        var invoice = sent.Invoice;
        (invoice.Number, invoice.Status).ShouldBe(("INV-2026-00001", InvoiceStatus.Sent));
        (invoice.IssueDate, invoice.DueDate).ShouldBe((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16)));
        (invoice.SentAt, invoice.EmailedAt).ShouldBe((RegentraApp.Start.UtcDateTime, RegentraApp.Start.UtcDateTime));
        invoice.PayUrl!.ShouldMatch(PayLink().ToString());
        (invoice.Total, invoice.Balance).ShouldBe((120m, 120m));
        (await admin.GetInvoiceAsync(draft.Id)).ShouldBeEquivalentInvoice(invoice);
    }

    [Fact]
    public async Task The_client_receives_an_email_with_the_number_total_pay_link_and_pdf()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 600, 150);
        await admin.AddLineAsync(draft.Id, "Firewall", 1m, 230.45m);

        var invoice = (await admin.SendOkAsync(draft.Id)).Invoice;

        var mail = app.MailsTo(client.BillingEmail!).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("INV-2026-00001");
        mail.TextBody.ShouldContain("Amount due: 1,776.54 USD"); // 1,250.00 + 230.45 + 20 % tax of 296.09
        mail.TextBody.ShouldContain(invoice.PayUrl!);
        mail.TextBody.ShouldContain("Due date: 16 March 2026");
        var pdf = mail.Attachments.ShouldHaveSingleItem();
        (pdf.FileName, pdf.ContentType).ShouldBe(("INV-2026-00001.pdf", "application/pdf"));
        Encoding.ASCII.GetString(pdf.Content, 0, 5).ShouldBe("%PDF-");
        InvoicePdfText.All(pdf.Content).ShouldContain("INV-2026-00001");
    }

    [Fact]
    public async Task Numbers_count_up_per_organisation_and_each_organisation_starts_at_1()
    {
        var (a, aClient) = await app.SignUpBillingAsync();
        var (b, bClient) = await app.SignUpBillingAsync();
        await b.ConfigureBillingAsync(invoicePrefix: "ACME-B");
        var aNumbers = new List<string?>();

        foreach (var minutes in new[] { 60, 30, 45 })
        {
            var other = await a.CreateBillingClientAsync();
            aNumbers.Add((await a.FebruarySentAsync(other.Id, minutes)).Number);
        }

        var bNumber = (await b.FebruarySentAsync(bClient.Id, 60)).Number;

        aNumbers.ShouldBe(["INV-2026-00001", "INV-2026-00002", "INV-2026-00003"]);
        bNumber.ShouldBe("ACME-B-2026-00001");
        (await a.ListInvoicesAsync($"clientId={aClient.Id}")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_client_without_a_billing_email_is_refused_and_no_number_is_used_up()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var noEmail = await admin.CreateBillingClientAsync(withEmail: false);
        var draft = await admin.FebruaryDraftAsync(noEmail.Id, 60);

        var refused = await admin.SendAsync(draft.Id);
        var other = await admin.FebruarySentAsync(client.Id, 60);

        (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NoBillingEmail);
        var still = await admin.GetInvoiceAsync(draft.Id);
        (still.Status, still.Number).ShouldBe((InvoiceStatus.Draft, null));
        other.Number.ShouldBe("INV-2026-00001");
    }

    [Fact]
    public async Task A_billing_email_added_after_generating_is_used_when_sending()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var client = await admin.CreateBillingClientAsync(withEmail: false);
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        await (await admin.SendAsync(draft.Id)).ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}", new UpdateClientRequest(
            "Renamed Ltd", "ap@renamed.test", "2 High Street", client.Currency, null, client.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var invoice = (await admin.SendOkAsync(draft.Id)).Invoice;

        (invoice.Number, invoice.BillingEmail, invoice.ClientName, invoice.ClientAddress).ShouldBe(("INV-2026-00001", "ap@renamed.test", "Renamed Ltd", "2 High Street"));
        app.MailsTo("ap@renamed.test").ShouldHaveSingleItem().Subject.ShouldContain("INV-2026-00001");
    }

    [Fact]
    public async Task Sending_again_emails_the_invoice_again_without_a_new_number()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.FebruarySentAsync(client.Id, 60);

        var again = await admin.SendOkAsync(first.Id);
        var next = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);

        (again.Emailed, again.Invoice.Number, again.Invoice.Status, again.Invoice.PayUrl).ShouldBe((true, first.Number, InvoiceStatus.Sent, first.PayUrl));
        var mails = app.MailsTo(client.BillingEmail!);
        mails.Count.ShouldBe(2);
        mails.ShouldAllBe(m => m.Subject.Contains(first.Number!) && m.Attachments.Count == 1);
        next.Number.ShouldBe("INV-2026-00002");
    }

    [Fact]
    public async Task A_paid_or_void_invoice_is_not_sent_again()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var paid = await admin.FebruarySentAsync(client.Id, 60);
        await (await admin.PayAsync(paid.Id, paid.Total)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var other = await admin.CreateBillingClientAsync();
        var voided = await admin.FebruarySentAsync(other.Id, 60);
        await (await admin.VoidAsync(voided.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        foreach (var id in new[] { paid.Id, voided.Id })
        {
            (await (await admin.SendAsync(id)).ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotSendable);
        }

        app.MailsTo(client.BillingEmail!).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_pdf_of_a_sent_invoice_is_served_and_a_draft_has_none()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);
        var draft = await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 60);

        var pdf = await admin.Client.GetResponseAsync($"/api/billing/invoices/{sent.Id}/pdf");
        var none = await admin.Client.GetResponseAsync($"/api/billing/invoices/{draft.Id}/pdf");

        await pdf.ShouldHaveStatusAsync(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("INV-2026-00001.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        InvoicePdfText.All(bytes).ShouldContain("INV-2026-00001");
        (await none.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotDraft);
    }

    [Fact]
    public async Task An_unknown_invoice_is_not_found_when_sent()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.SendAsync(Guid.NewGuid());

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }
}

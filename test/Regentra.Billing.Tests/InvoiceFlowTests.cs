using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>A month of work billed the way an MSP does it, each step by the role that does it in practice.</summary>
public sealed class InvoiceFlowTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Time_logged_by_a_technician_is_approved_invoiced_sent_paid_and_exported()
    {
        var admin = await app.SignUpAsync(organizationName: "Northwind IT");
        await admin.ConfigureBillingAsync(taxRatePercent: 20m, defaultHourlyRate: 100m, paymentTermsDays: 30, invoicePrefix: "NW");
        var manager = await admin.AddMemberAsync("Manager", "Maria Manager");
        var technician = await admin.AddMemberAsync("Technician", "Tom Tech");
        var auditor = await admin.AddMemberAsync("ReadOnly");
        var client = await manager.CreateBillingClientAsync("Contoso");
        var ticket = await technician.CreateTicketAsync(client.Id, "Server down");
        await manager.SetAgreementAsync(client.Id, Hourly(120m, rounding: new RoundingRule(15, 15)));
        await technician.LogApprovedAsync(manager, TicketTime(ticket.Id, 50, Feb(9)), ClientTime(client.Id, 5, Feb(10)));
        await technician.LogAsync(ClientTime(client.Id, 60, Feb(11), submit: true));

        var preview = await manager.PreviewOkAsync(client.Id);
        var draft = await manager.GenerateOkAsync(client.Id);
        await (await manager.AddLineAsync(draft.Id, "Replacement disk", 1m, 89.99m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var sent = await manager.SendOkAsync(draft.Id);
        var seen = await auditor.GetInvoiceAsync(draft.Id);
        await (await manager.PayAsync(draft.Id, 200m, Monday, "BankTransfer", "Transfer 1")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var paid = await (await manager.PayAsync(draft.Id, sent.Invoice.Total - 200m, Monday, "Card")).ReadAsync<InvoiceDetailDto>();
        var csv = await (await auditor.Client.GetResponseAsync("/api/billing/invoices/export.csv?from=2026-03-01&to=2026-04-01")).Content.ReadAsStringAsync();

        preview.Lines.Select(l => (l.TechnicianName, l.TicketNumber, l.BilledMinutes, l.Amount)).ShouldBe([("Tom Tech", ticket.Number, 60, 120m), ("Tom Tech", null, 15, 30m)]);
        preview.Warnings.Select(w => (w.Code, w.Count)).ShouldBe([("NotApproved", 1)]);
        (sent.Invoice.Number, sent.Invoice.Subtotal, sent.Invoice.Tax, sent.Invoice.Total).ShouldBe(("NW-2026-00001", 239.99m, 48m, 287.99m));
        (sent.Invoice.IssueDate, sent.Invoice.DueDate).ShouldBe((Monday, new DateOnly(2026, 4, 1)));
        app.MailsTo(client.BillingEmail!).ShouldHaveSingleItem().Subject.ShouldBe("Invoice NW-2026-00001 from Northwind IT");
        seen.ShouldBeEquivalentInvoice(sent.Invoice);
        (paid.Status, paid.Paid, paid.Balance, paid.Payments.Count).ShouldBe((InvoiceStatus.Paid, 287.99m, 0m, 2));
        csv.ShouldContain("NW-2026-00001,2026-03-02,2026-04-01,Contoso,2026-02-01,2026-02-28,USD,239.99,20,48.00,287.99,287.99,0.00,Paid\r\n");
    }
}

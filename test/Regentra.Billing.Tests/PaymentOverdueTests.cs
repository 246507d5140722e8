using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>
/// The hourly scheduler marks unpaid invoices overdue once their due date has passed; payments then keep them
/// overdue until paid in full. This class moves the clock forward, so it has its own application.
/// </summary>
public sealed class PaymentOverdueTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Unpaid_invoices_become_overdue_the_day_after_their_due_date_and_stay_so_until_fully_paid()
    {
        var (admin, _) = await app.SignUpBillingAsync(); // payment terms 14 days: due 16 March
        var unpaid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        var partly = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(partly.Id, 20m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var paid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(paid.Id, 120m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var toVoid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        var draft = await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 60);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 23, 0, 0, TimeSpan.Zero));
        await app.RunBillingSchedulerAsync();
        admin = await app.SignInAsync(admin.Slug, admin.Email, admin.Password, admin.TenantId);
        var onDueDate = await admin.ListInvoicesAsync("overdue=true");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 0, 30, 0, TimeSpan.Zero));
        await app.RunBillingSchedulerAsync();
        admin = await app.SignInAsync(admin.Slug, admin.Email, admin.Password, admin.TenantId); // tokens expire as the clock moves on

        onDueDate.TotalCount.ShouldBe(0);
        (await admin.ListInvoicesAsync("overdue=true&take=10")).Items.Select(i => i.Id).ShouldBe([unpaid.Id, partly.Id, toVoid.Id], ignoreOrder: true);
        (await admin.GetInvoiceAsync(paid.Id)).Status.ShouldBe(InvoiceStatus.Paid);
        (await admin.GetInvoiceAsync(draft.Id)).Status.ShouldBe(InvoiceStatus.Draft);
        (await admin.GetInvoiceAsync(partly.Id)).ShouldSatisfyAllConditions(i => i.Status.ShouldBe(InvoiceStatus.Overdue), i => i.Balance.ShouldBe(100m));

        var stillOverdue = await (await admin.PayAsync(unpaid.Id, 60m, new DateOnly(2026, 3, 17))).ReadAsync<InvoiceDetailDto>();
        (stillOverdue.Status, stillOverdue.Balance).ShouldBe((InvoiceStatus.Overdue, 60m));
        var settled = await (await admin.PayAsync(unpaid.Id, 60m, new DateOnly(2026, 3, 17))).ReadAsync<InvoiceDetailDto>();
        (settled.Status, settled.Balance).ShouldBe((InvoiceStatus.Paid, 0m));

        var resent = await admin.SendOkAsync(partly.Id);
        (resent.Emailed, resent.Invoice.Status, resent.Invoice.Number).ShouldBe((true, InvoiceStatus.Overdue, partly.Number));

        var voided = await (await admin.VoidAsync(toVoid.Id, "Disputed")).ReadAsync<InvoiceDetailDto>();
        voided.Status.ShouldBe(InvoiceStatus.Void);
        (await admin.GetEntryAsync(toVoid.Lines[0].TimeEntryId!.Value)).InvoiceId.ShouldBeNull();

        await app.RunBillingSchedulerAsync();
        (await admin.ListInvoicesAsync("overdue=true")).Items.Select(i => i.Id).ShouldBe([partly.Id]);
    }
}

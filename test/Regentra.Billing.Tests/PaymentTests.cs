using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /invoices/{id}/payments: partial and full payments, never more than the balance, exact to the currency's minor unit.</summary>
public sealed class PaymentTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static async Task<InvoiceDetailDto> SentInAsync(TenantSession admin, string currency, decimal rate)
    {
        var client = await admin.CreateBillingClientAsync(currency: currency);
        await admin.SetAgreementAsync(client.Id, Hourly(rate));
        return await admin.FebruarySentAsync(client.Id, 60);
    }

    [Fact]
    public async Task A_partial_payment_leaves_a_balance_and_the_rest_pays_the_invoice()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);

        var partly = await (await admin.PayAsync(sent.Id, 20.5m, Feb(27), "Check", " CHK-1001 ")).ReadAsync<InvoiceDetailDto>();
        var paid = await (await admin.PayAsync(sent.Id, 99.5m, Monday, "Card")).ReadAsync<InvoiceDetailDto>();

        (partly.Status, partly.Paid, partly.Balance).ShouldBe((InvoiceStatus.PartiallyPaid, 20.5m, 99.5m));
        (paid.Status, paid.Paid, paid.Balance).ShouldBe((InvoiceStatus.Paid, 120m, 0m));
        paid.Payments.Select(p => (p.Kind, p.Amount, p.Date, p.Method, p.Reference)).ShouldBe(
            [("Payment", 20.5m, Feb(27), "Check", "CHK-1001"), ("Payment", 99.5m, Monday, "Card", null)]);
        (await admin.GetInvoiceAsync(sent.Id)).ShouldBeEquivalentInvoice(paid);
    }

    [Fact]
    public async Task Paying_more_than_the_balance_is_refused_on_the_amount()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);
        await (await admin.PayAsync(sent.Id, 100m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var over = await admin.PayAsync(sent.Id, 20.01m);

        var problem = await over.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(BillingErrorCodes.Overpayment);
        problem.Errors!.Keys.ShouldBe(["amount"]);
        problem.Detail!.ShouldContain("20");
        var after = await admin.GetInvoiceAsync(sent.Id);
        (after.Status, after.Paid, after.Payments.Count).ShouldBe((InvoiceStatus.PartiallyPaid, 100m, 1));
    }

    [Fact]
    public async Task An_absurdly_large_amount_is_refused_on_the_amount_not_with_a_server_error()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);

        var response = await admin.PayAsync(sent.Id, 100_000_000_000_000_000_000m);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["amount"]);
        (await admin.GetInvoiceAsync(sent.Id)).Paid.ShouldBe(0m);
    }

    [Fact]
    public async Task An_amount_finer_than_the_currencys_minor_unit_is_invalid()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var pounds = await SentInAsync(admin, "GBP", 100m);
        var yen = await SentInAsync(admin, "JPY", 10000m);
        var dinars = await SentInAsync(admin, "KWD", 30m);

        var refused = new[] { await admin.PayAsync(pounds.Id, 10.005m), await admin.PayAsync(yen.Id, 5.5m), await admin.PayAsync(dinars.Id, 1.0005m) };
        var accepted = new[] { await admin.PayAsync(pounds.Id, 10.01m), await admin.PayAsync(yen.Id, 5m), await admin.PayAsync(dinars.Id, 1.005m) };

        foreach (var response in refused)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["amount"]);
        }

        (await Task.WhenAll(accepted.Select(r => r.ReadAsync<InvoiceDetailDto>()))).Select(i => (i.Currency, i.Paid, i.Balance)).ShouldBe(
            [("GBP", 10.01m, 109.99m), ("JPY", 5m, 11995m), ("KWD", 1.005m, 34.995m)]);
    }

    [Fact]
    public async Task The_amount_date_and_method_are_checked()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);

        var responses = new[]
        {
            (await admin.PayAsync(sent.Id, null), "amount"),
            (await admin.PayAsync(sent.Id, 0m), "amount"),
            (await admin.PayAsync(sent.Id, -10m), "amount"),
            (await admin.PayAsync(sent.Id, 10m, Monday.AddDays(1)), "date"),
            (await admin.PayAsync(sent.Id, 10m, method: "Bitcoin"), "method"),
            (await admin.PayAsync(sent.Id, 10m, method: "cash"), "method"),
            (await admin.PayAsync(sent.Id, 10m, method: null), "method"),
            (await admin.PayAsync(sent.Id, 10m, reference: new string('r', 201)), "reference"),
        };

        foreach (var (response, field) in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }

        (await admin.GetInvoiceAsync(sent.Id)).ShouldBeEquivalentInvoice(sent);
    }

    [Fact]
    public async Task Every_payment_method_is_accepted()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var sent = await admin.FebruarySentAsync(client.Id, 60);

        foreach (var method in new[] { "BankTransfer", "Card", "Cash", "Check", "Other" })
        {
            await (await admin.PayAsync(sent.Id, 1m, method: method)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        (await admin.GetInvoiceAsync(sent.Id)).Payments.Select(p => p.Method).ShouldBe(["BankTransfer", "Card", "Cash", "Check", "Other"]);
    }

    [Fact]
    public async Task Drafts_void_and_paid_invoices_take_no_payment()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync((await admin.CreateBillingClientAsync()).Id, 60);
        var voided = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.VoidAsync(voided.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var paid = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await (await admin.PayAsync(paid.Id, 120m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        foreach (var id in new[] { draft.Id, voided.Id, paid.Id })
        {
            (await (await admin.PayAsync(id, 1m)).ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotPayable);
            (await admin.GetInvoiceAsync(id)).Payments.Count.ShouldBe(id == paid.Id ? 1 : 0);
        }
    }

    [Fact]
    public async Task A_payment_on_an_unknown_invoice_is_not_found()
    {
        var admin = await app.SignUpAsync();

        (await (await admin.PayAsync(Guid.NewGuid(), 1m)).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }
}

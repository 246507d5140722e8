using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Tests;

/// <summary>Money that arrives where it should not (a void invoice, twice, another currency) is recorded and flagged, never dropped or silently counted.</summary>
public sealed class StripeFlaggedPaymentTests(StripeApp app) : IClassFixture<StripeApp>
{
    private async Task HeldAsync(Func<Task> whileHeld)
    {
        await app.Stripe.HoldDeliveriesAsync(true);
        try
        {
            await whileHeld();
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
            await app.Stripe.WaitIdleAsync();
        }
    }

    [Fact]
    public async Task A_payment_on_an_invoice_voided_meanwhile_is_recorded_flagged_and_not_counted()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();

        await HeldAsync(async () =>
        {
            await app.Stripe.PayAsync((await app.CheckoutOkAsync(invoice)).SessionId);
            await (await admin.VoidAsync(invoice.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        });

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.FlaggedPayments).ShouldBe((InvoiceStatus.Void, 0m, 1));
        var payment = after.Payments.ShouldHaveSingleItem();
        (payment.Amount, payment.Applied, payment.Flag).ShouldBe((120m, false, "InvoiceVoid"));
        payment.FlagMessage!.ShouldContain("Void");
        (await admin.ListInvoicesAsync("flagged=true")).Items.Select(i => (i.Id, i.FlaggedPayments)).ShouldBe([(invoice.Id, 1)]);
        (await admin.ListInvoicesAsync("flagged=false")).Items.ShouldNotContain(i => i.Id == invoice.Id);
    }

    [Fact]
    public async Task Paying_twice_is_an_overpayment_shown_as_a_credit_and_a_full_refund_settles_it()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();

        await HeldAsync(async () =>
        {
            await app.Stripe.PayAsync((await app.CheckoutOkAsync(invoice)).SessionId);
            await (await admin.PayAsync(invoice.Id, 120m)).ShouldHaveStatusAsync(HttpStatusCode.OK); // the client also paid by bank transfer
        });

        var overpaid = await admin.GetInvoiceAsync(invoice.Id);
        (overpaid.Status, overpaid.Paid, overpaid.Balance, overpaid.FlaggedPayments).ShouldBe((InvoiceStatus.Paid, 240m, -120m, 1));
        var stripePayment = overpaid.Payments.Single(p => p.Source == "Stripe");
        (stripePayment.Applied, stripePayment.Flag).ShouldBe((true, "Overpayment"));
        stripePayment.FlagMessage!.ShouldContain("credit of 120.00 USD");

        await app.Stripe.RefundAsync(stripePayment.Stripe!.PaymentIntentId!, null);
        await app.Stripe.WaitIdleAsync();

        var settled = await admin.GetInvoiceAsync(invoice.Id);
        (settled.Status, settled.Paid, settled.Balance, settled.FlaggedPayments).ShouldBe((InvoiceStatus.Paid, 120m, 0m, 0));
        settled.Payments.Single(p => p.Id == stripePayment.Id).FlagResolvedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_payment_in_another_currency_is_recorded_in_it_and_not_counted()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        // Another integration on the same Stripe account charges the client in euros for this invoice.
        var session = await app.Stripe.StripeApiAsync(HttpMethod.Post, "/v1/checkout/sessions", account.SecretKey,
        [
            new("mode", "payment"), new("line_items[0][quantity]", "1"), new("line_items[0][price_data][currency]", "eur"),
            new("line_items[0][price_data][unit_amount]", "11000"), new("line_items[0][price_data][product_data][name]", "Invoice"),
            new("success_url", "https://example.test/ok"), new("payment_intent_data[metadata][regentra_invoice_id]", invoice.Id.ToString()),
            new("payment_intent_data[metadata][regentra_organization_id]", admin.TenantId.ToString()),
        ]);

        await app.Stripe.PayAsync(session.GetProperty("id").GetString()!);
        await app.Stripe.WaitIdleAsync();

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.FlaggedPayments).ShouldBe((InvoiceStatus.Sent, 0m, 1));
        var payment = after.Payments.ShouldHaveSingleItem();
        (payment.Amount, payment.Currency, payment.Applied, payment.Flag).ShouldBe((110m, "EUR", false, "CurrencyMismatch"));
    }

    [Fact]
    public async Task A_manager_marks_a_flag_as_sorted_out_with_a_note_and_a_technician_may_not()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        await HeldAsync(async () =>
        {
            await app.Stripe.PayAsync((await app.CheckoutOkAsync(invoice)).SessionId);
            await (await admin.VoidAsync(invoice.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        });
        var paymentId = (await admin.GetInvoiceAsync(invoice.Id)).Payments.Single().Id;
        var url = $"/api/billing/invoices/{invoice.Id}/payments/{paymentId}/resolve";
        var technician = await admin.AddMemberAsync("Technician");
        var manager = await admin.AddMemberAsync("Manager");

        var refused = await technician.Client.PostJsonAsync(url, new ResolvePaymentFlagRequest("Done"));
        var noNote = await manager.Client.PostJsonAsync(url, new ResolvePaymentFlagRequest(" "));
        var resolved = await (await manager.Client.PostJsonAsync(url, new ResolvePaymentFlagRequest("Refunded to the client by bank transfer"))).ReadAsync<InvoiceDetailDto>();
        var again = await manager.Client.PostJsonAsync(url, new ResolvePaymentFlagRequest("Twice"));

        (await refused.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Security:PermissionDenied");
        (await noNote.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["note"]);
        resolved.FlaggedPayments.ShouldBe(0);
        resolved.Payments.Single().FlagResolution.ShouldBe("Refunded to the client by bank transfer");
        (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.PaymentNotFlagged);
        (await admin.ListInvoicesAsync("flagged=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Another_organisation_cannot_resolve_a_flag()
    {
        var (_, _, invoice) = await app.SentStripeInvoiceAsync();
        var other = await app.SignUpAsync();

        var response = await other.Client.PostJsonAsync($"/api/billing/invoices/{invoice.Id}/payments/{Guid.NewGuid()}/resolve", new ResolvePaymentFlagRequest("x"));

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }
}

using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Tests;

/// <summary>Stripe delivers late, twice and out of order; what is recorded follows what Stripe reports for the payment now.</summary>
public sealed class StripePaymentOrderTests(StripeApp app) : IClassFixture<StripeApp>
{
    /// <summary>Runs the client's actions with deliveries held, then delivers everything in the given order.</summary>
    private async Task DeliverHeldAsync(string order, Func<Task> actions)
    {
        await app.Stripe.HoldDeliveriesAsync(true);
        try
        {
            await actions();
            await app.Stripe.ReleaseDeliveriesAsync(order);
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
            await app.Stripe.WaitIdleAsync();
        }
    }

    [Fact]
    public async Task A_bank_debit_that_succeeded_before_its_checkout_completed_is_recorded_once()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();

        await DeliverHeldAsync("reverse", async () =>
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            var session = await app.Stripe.PayAsync(checkout.SessionId, "async");
            await app.Stripe.SettleAsync(session.GetProperty("payment_intent").GetString()!, succeed: true);
        });

        var paid = await admin.GetInvoiceAsync(invoice.Id);
        (paid.Status, paid.Paid).ShouldBe((InvoiceStatus.Paid, 120m));
        paid.Payments.ShouldHaveSingleItem().Method.ShouldBe("sepa_debit");
        (await app.PublicInvoiceAsync(invoice)).PaymentProcessing.ShouldBeFalse("the late 'completed, unpaid' must not put the session back to processing");
    }

    [Fact]
    public async Task A_late_failure_never_undoes_a_payment()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();

        await DeliverHeldAsync("reverse", async () =>
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            await app.Stripe.PayAsync(checkout.SessionId, "decline");
            await app.Stripe.PayAsync(checkout.SessionId, "card");
        });

        var paid = await admin.GetInvoiceAsync(invoice.Id);
        (paid.Status, paid.Paid).ShouldBe((InvoiceStatus.Paid, 120m));
        paid.Payments.Where(p => p.Kind == "Payment").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_declined_card_is_shown_on_the_invoice_and_moves_no_money()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var checkout = await app.CheckoutOkAsync(invoice);

        await app.Stripe.PayAsync(checkout.SessionId, "decline");
        await app.Stripe.WaitIdleAsync();

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid).ShouldBe((InvoiceStatus.Sent, 0m));
        var failure = after.Payments.ShouldHaveSingleItem();
        (failure.Kind, failure.Applied, failure.Amount).ShouldBe(("Failure", false, 120m));
        failure.Message!.ShouldContain("declined");
        (await app.CheckoutOkAsync(invoice)).SessionId.ShouldBe(checkout.SessionId, "the client can try again on the same page");
    }

    [Fact]
    public async Task A_failed_bank_debit_is_recorded_as_a_failure_and_a_new_page_can_be_opened()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var checkout = await app.CheckoutOkAsync(invoice);
        var session = await app.Stripe.PayAsync(checkout.SessionId, "async");
        await app.Stripe.WaitIdleAsync();

        await app.Stripe.SettleAsync(session.GetProperty("payment_intent").GetString()!, succeed: false);
        await app.Stripe.WaitIdleAsync();

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.Payments.ShouldHaveSingleItem().Kind).ShouldBe((InvoiceStatus.Sent, 0m, "Failure"));
        (await app.CheckoutOkAsync(invoice)).SessionId.ShouldNotBe(checkout.SessionId);
    }
}

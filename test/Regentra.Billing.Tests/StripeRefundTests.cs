using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Tests;

/// <summary>Refunds made in the organisation's Stripe account lower what the invoice shows as paid, each refund once.</summary>
public sealed class StripeRefundTests(StripeApp app) : IClassFixture<StripeApp>
{
    private async Task<(TenantSession Admin, InvoiceDetailDto Invoice, string PaymentIntentId, StandInAccount Account)> PaidHundredAsync()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ConfigureBillingAsync(taxRatePercent: 0m);
        var account = await app.Stripe.CreateAccountAsync();
        await admin.ConnectStripeOkAsync(account);
        var invoice = await admin.FebruarySentAsync(client.Id, 60);
        await app.PayOnStripeAsync(invoice);
        var paid = await admin.GetInvoiceAsync(invoice.Id);
        paid.Total.ShouldBe(100m);
        return (admin, paid, paid.Payments.Single().Stripe!.PaymentIntentId!, account);
    }

    [Fact]
    public async Task Partial_refunds_of_20_then_30_leave_50_paid()
    {
        var (admin, invoice, paymentIntent, _) = await PaidHundredAsync();

        await app.Stripe.RefundAsync(paymentIntent, 2000);
        await app.Stripe.WaitIdleAsync();
        var afterFirst = await admin.GetInvoiceAsync(invoice.Id);
        await app.Stripe.RefundAsync(paymentIntent, 3000);
        await app.Stripe.WaitIdleAsync();

        (afterFirst.Status, afterFirst.Paid, afterFirst.Refunded).ShouldBe((InvoiceStatus.PartiallyPaid, 80m, 20m));
        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.Balance, after.Refunded).ShouldBe((InvoiceStatus.PartiallyPaid, 50m, 50m, 50m));
        after.Payments.Where(p => p.Kind == "Refund").Select(p => (p.Amount, p.Source, p.Applied)).ShouldBe([(20m, "Stripe", true), (30m, "Stripe", true)]);
        after.Payments.Where(p => p.Kind == "Refund").ShouldAllBe(p => p.Stripe!.RefundId!.StartsWith("re_"));
    }

    [Fact]
    public async Task A_refund_notice_delivered_again_changes_nothing()
    {
        var (admin, invoice, paymentIntent, account) = await PaidHundredAsync();
        await app.Stripe.RefundAsync(paymentIntent, 2000);
        await app.Stripe.WaitIdleAsync();
        var once = await admin.GetInvoiceAsync(invoice.Id);

        foreach (var type in new[] { "refund.created", "charge.refunded" })
        {
            await app.Stripe.RedeliverAsync((await app.Stripe.EventAsync(account.AccountId, type)).GetProperty("id").GetString()!, 3, concurrently: true);
        }

        await app.Stripe.WaitIdleAsync();
        (await admin.GetInvoiceAsync(invoice.Id)).ShouldBeEquivalentInvoice(once);
    }

    [Fact]
    public async Task A_full_refund_puts_the_invoice_back_to_unpaid()
    {
        var (admin, invoice, paymentIntent, _) = await PaidHundredAsync();

        await app.Stripe.RefundAsync(paymentIntent, null);
        await app.Stripe.WaitIdleAsync();

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.Balance).ShouldBe((InvoiceStatus.Sent, 0m, 100m));
    }

    [Fact]
    public async Task Refund_notices_that_arrive_before_the_payments_still_record_both()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ConfigureBillingAsync(taxRatePercent: 0m);
        var account = await app.Stripe.CreateAccountAsync();
        await admin.ConnectStripeOkAsync(account);
        var invoice = await admin.FebruarySentAsync(client.Id, 60);

        await app.Stripe.HoldDeliveriesAsync(true);
        try
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            var session = await app.Stripe.PayAsync(checkout.SessionId);
            await app.Stripe.RefundAsync(session.GetProperty("payment_intent").GetString()!, 2500);
            await app.Stripe.ReleaseDeliveriesAsync("reverse");
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
            await app.Stripe.WaitIdleAsync();
        }

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.Refunded).ShouldBe((InvoiceStatus.PartiallyPaid, 75m, 25m));
        after.Payments.Select(p => (p.Kind, p.Amount)).ShouldBe([("Payment", 100m), ("Refund", 25m)], ignoreOrder: true);
    }
}

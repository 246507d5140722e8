using Regentra.Billing.Contracts;

namespace Regentra.Billing.Tests;

/// <summary>Checkout amounts in Stripe's units for zero- and three-decimal currencies, and amounts below Stripe's minimum.</summary>
public sealed class CheckoutCurrencyTests(StripeApp app) : IClassFixture<StripeApp>
{
    private async Task<string> SentUnitAmountAsync(StandInAccount account) =>
        (await app.Stripe.RequestsAsync(account.AccountId, "/v1/checkout/sessions"))[^1]
            .GetProperty("params").GetProperty("line_items")[0].GetProperty("price_data").GetProperty("unit_amount").GetString()!;

    [Fact]
    public async Task Yen_are_sent_as_whole_yen()
    {
        var (_, account, invoice) = await app.SentStripeInvoiceAsync("JPY", 60);

        var checkout = await app.CheckoutOkAsync(invoice);

        (checkout.Amount, checkout.Currency).ShouldBe((120m, "JPY"));
        (await SentUnitAmountAsync(account)).ShouldBe("120");
    }

    [Fact]
    public async Task Dinars_are_sent_in_fils_rounded_down_to_what_Stripe_accepts()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync("KWD", 60);
        await (await admin.PayAsync(invoice.Id, 0.005m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var checkout = await app.CheckoutOkAsync(invoice);

        (checkout.Amount, checkout.Currency).ShouldBe((119.99m, "KWD")); // 119.995 due; Stripe takes multiples of 10 fils
        (await SentUnitAmountAsync(account)).ShouldBe("119990");
        await app.Stripe.PayAsync(checkout.SessionId);
        await app.Stripe.WaitIdleAsync();
        var invoiceNow = await admin.GetInvoiceAsync(invoice.Id);
        (invoiceNow.Paid, invoiceNow.Balance).ShouldBe((119.995m, 0.005m));
        invoiceNow.Payments.Select(p => p.Amount).ShouldBe([0.005m, 119.99m]);
    }

    [Fact]
    public async Task A_balance_below_Stripes_minimum_cannot_be_paid_online_and_says_why()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync(null, 60);
        await (await admin.PayAsync(invoice.Id, 119.75m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var refused = await app.CheckoutAsync(invoice.PayToken());

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(BillingErrorCodes.CheckoutBelowMinimum);
        problem.Detail!.ShouldContain("0.25 USD");
        problem.Detail!.ShouldContain("0.50 USD");
        var seen = await app.PublicInvoiceAsync(invoice);
        (seen.OnlinePaymentAvailable, seen.AmountDue).ShouldBe((false, 0.25m));
        (await app.Stripe.RequestsAsync(account.AccountId, "/v1/checkout/sessions")).ShouldBeEmpty();
    }
}

using System.Text.Json;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>"Pay now" on a pay link opens one Stripe Checkout page on the organisation's account, for exactly what is due.</summary>
public sealed class CheckoutTests(StripeApp app) : IClassFixture<StripeApp>
{
    private static JsonElement Params(JsonElement request) => request.GetProperty("params");

    [Fact]
    public async Task The_Checkout_page_charges_what_is_due_and_names_the_invoice()
    {
        var (_, account, invoice) = await app.SentStripeInvoiceAsync();

        var checkout = await app.CheckoutOkAsync(invoice);

        (checkout.Amount, checkout.Currency).ShouldBe((120m, "USD"));
        checkout.Url.ShouldStartWith($"{app.Stripe.BaseUrl}/checkout/");
        var sent = Params((await app.Stripe.RequestsAsync(account.AccountId, "/v1/checkout/sessions")).ShouldHaveSingleItem());
        sent.GetProperty("mode").GetString().ShouldBe("payment");
        var price = sent.GetProperty("line_items")[0].GetProperty("price_data");
        (price.GetProperty("unit_amount").GetString(), price.GetProperty("currency").GetString()).ShouldBe(("12000", "usd"));
        sent.GetProperty("client_reference_id").GetString().ShouldBe(invoice.Id.ToString());
        sent.GetProperty("metadata").GetProperty("regentra_invoice_id").GetString().ShouldBe(invoice.Id.ToString());
        sent.GetProperty("payment_intent_data").GetProperty("metadata").GetProperty("regentra_invoice_number").GetString().ShouldBe(invoice.Number);
        sent.GetProperty("success_url").GetString().ShouldBe($"{app.Url}/pay/{invoice.PayToken()}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}");
        sent.GetProperty("cancel_url").GetString().ShouldBe($"{app.Url}/pay/{invoice.PayToken()}?checkout=cancelled");
        var expiresIn = DateTimeOffset.FromUnixTimeSeconds(long.Parse(sent.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            - app.Clock.GetUtcNow();
        expiresIn.ShouldBeInRange(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Paying_on_the_hosted_page_marks_the_invoice_paid_with_the_Stripe_payment()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();

        var checkout = await app.PayOnStripeAsync(invoice);

        var paid = await admin.GetInvoiceAsync(invoice.Id);
        (paid.Status, paid.Paid, paid.Balance).ShouldBe((InvoiceStatus.Paid, 120m, 0m));
        var payment = paid.Payments.ShouldHaveSingleItem();
        (payment.Kind, payment.Source, payment.Amount, payment.Currency, payment.Method, payment.Applied, payment.Flag)
            .ShouldBe(("Payment", "Stripe", 120m, "USD", "card", true, null));
        payment.Stripe!.CheckoutSessionId.ShouldBe(checkout.SessionId);
        payment.Stripe.PaymentIntentId!.ShouldStartWith("pi_");
        payment.Stripe.ChargeId!.ShouldStartWith("ch_");
        (await app.PublicInvoiceAsync(invoice)).ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(InvoiceStatus.Paid), p => p.AmountDue.ShouldBe(0m), p => p.OnlinePaymentAvailable.ShouldBeFalse());
    }

    [Fact]
    public async Task The_open_page_is_handed_back_until_the_amount_due_changes_then_it_is_expired_and_a_new_one_opened()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        var first = await app.CheckoutOkAsync(invoice);
        var again = await app.CheckoutOkAsync(invoice);
        await (await admin.PayAsync(invoice.Id, 20m, date: DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var rest = await app.CheckoutOkAsync(invoice);

        again.ShouldBe(first);
        (rest.Amount, rest.SessionId == first.SessionId).ShouldBe((100m, false));
        var old = await app.Stripe.StripeApiAsync(HttpMethod.Get, $"/v1/checkout/sessions/{first.SessionId}", account.SecretKey);
        old.GetProperty("status").GetString().ShouldBe("expired");
        await app.Stripe.PayAsync(rest.SessionId);
        await app.Stripe.WaitIdleAsync();
        var paid = await admin.GetInvoiceAsync(invoice.Id);
        (paid.Status, paid.Paid).ShouldBe((InvoiceStatus.Paid, 120m));
        paid.Payments.Select(p => (p.Source, p.Amount)).ShouldBe([("Manual", 20m), ("Stripe", 100m)]);
    }

    [Fact]
    public async Task A_page_Stripe_expired_is_replaced_by_a_new_one_on_the_next_click()
    {
        var (_, account, invoice) = await app.SentStripeInvoiceAsync();
        var first = await app.CheckoutOkAsync(invoice);
        await app.Stripe.StripeApiAsync(HttpMethod.Post, $"/v1/checkout/sessions/{first.SessionId}/expire", account.SecretKey);
        await app.Stripe.WaitIdleAsync();

        var next = await app.CheckoutOkAsync(invoice);

        next.SessionId.ShouldNotBe(first.SessionId);
        (await app.Stripe.StripeApiAsync(HttpMethod.Get, $"/v1/checkout/sessions/{next.SessionId}", account.SecretKey))
            .GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task Ten_clicks_at_once_open_one_page()
    {
        var (_, account, invoice) = await app.SentStripeInvoiceAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.CheckoutOkAsync(invoice)));

        answers.Select(a => a.SessionId).Distinct().ShouldHaveSingleItem();
        var created = (await app.Stripe.StripeApiAsync(HttpMethod.Get, "/v1/checkout/sessions?limit=100", account.SecretKey)).GetProperty("data");
        created.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_attempt_at_Stripe_is_retried_with_a_new_key()
    {
        var (_, account, invoice) = await app.SentStripeInvoiceAsync();
        await app.Stripe.FaultAsync("/v1/checkout/sessions", 500, 3, "POST");

        var failed = await app.CheckoutAsync(invoice.PayToken());
        var retried = await app.CheckoutOkAsync(invoice);

        (await failed.ReadProblemAsync(HttpStatusCode.BadGateway)).Code.ShouldBe(BillingErrorCodes.StripeUnavailable);
        retried.Url.ShouldNotBeNullOrEmpty();
        var keys = (await app.Stripe.RequestsAsync(account.AccountId, "/v1/checkout/sessions"))
            .Select(r => r.GetProperty("idempotencyKey").GetString()).Distinct().ToList();
        keys.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Void_and_paid_invoices_get_no_page_and_voiding_expires_the_open_one()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        var open = await app.CheckoutOkAsync(invoice);
        await (await admin.VoidAsync(invoice.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var paidInvoice = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        await app.PayOnStripeAsync(paidInvoice);

        var onVoid = await app.CheckoutAsync(invoice.PayToken());
        var onPaid = await app.CheckoutAsync(paidInvoice.PayToken());

        (await onVoid.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NotPayable);
        (await onPaid.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.CheckoutNothingDue);
        (await app.Stripe.StripeApiAsync(HttpMethod.Get, $"/v1/checkout/sessions/{open.SessionId}", account.SecretKey))
            .GetProperty("status").GetString().ShouldBe("expired");
    }

    [Fact]
    public async Task Without_a_connected_Stripe_account_there_is_no_online_payment()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var invoice = await admin.FebruarySentAsync(client.Id, 60);

        var refused = await app.CheckoutAsync(invoice.PayToken());

        (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.StripeNotConnected);
        var seen = await app.PublicInvoiceAsync(invoice);
        (seen.OnlinePaymentAvailable, seen.AmountDue).ShouldBe((false, 120m));
        seen.OnlinePaymentUnavailableReason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_bank_debit_in_progress_blocks_a_second_page_until_it_clears()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        var checkout = await app.PayOnStripeAsync(invoice, "async");

        var meanwhile = await app.CheckoutAsync(invoice.PayToken());
        var seen = await app.PublicInvoiceAsync(invoice);

        (await meanwhile.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.CheckoutPaymentProcessing);
        (seen.PaymentProcessing, seen.OnlinePaymentAvailable, seen.Status).ShouldBe((true, false, InvoiceStatus.Sent));
        var session = await app.Stripe.StripeApiAsync(HttpMethod.Get, $"/v1/checkout/sessions/{checkout.SessionId}", account.SecretKey);
        await app.Stripe.SettleAsync(session.GetProperty("payment_intent").GetString()!, succeed: true);
        await app.Stripe.WaitIdleAsync();
        var paid = await admin.GetInvoiceAsync(invoice.Id);
        (paid.Status, paid.Payments.ShouldHaveSingleItem().Method).ShouldBe((InvoiceStatus.Paid, "sepa_debit"));
    }
}

using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.StripeAccounts;

namespace Regentra.Billing.Tests;

/// <summary>Deliveries to an organisation's webhook URL: verified, each event once, the organisation taken from the URL alone.</summary>
public sealed class StripeWebhookTests(StripeApp app) : IClassFixture<StripeApp>
{
    private async Task<(TenantSession Admin, StandInAccount Account, InvoiceDetailDto Invoice, string CompletedEventId)> PaidAsync()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        await app.PayOnStripeAsync(invoice);
        var completed = await app.Stripe.EventAsync(account.AccountId, "checkout.session.completed");
        return (admin, account, invoice, completed.GetProperty("id").GetString()!);
    }

    private async Task<string> SigningSecretAsync(TenantSession admin)
    {
        var row = await app.QueryAsync(db => db.StripeConnections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.TenantId == admin.TenantId));
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<StripeSecrets>().Unprotect(admin.TenantId, row.WebhookSigningSecretProtected!);
    }

    /// <summary>Signs a body the way Stripe does: v1 = HMAC-SHA256(secret, "{t}.{body}").</summary>
    private static string Sign(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task<HttpResponseMessage> PostAsync(string webhookUrl, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(webhookUrl).PathAndQuery) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_same_event_delivered_five_more_times_records_one_payment()
    {
        var (admin, _, invoice, eventId) = await PaidAsync();

        await app.Stripe.RedeliverAsync(eventId, 5, concurrently: false);
        await app.Stripe.RedeliverAsync(eventId, 5, concurrently: true);
        await app.Stripe.WaitIdleAsync();

        var after = await admin.GetInvoiceAsync(invoice.Id);
        (after.Status, after.Paid, after.Payments.Count).ShouldBe((InvoiceStatus.Paid, 120m, 1));
        (await app.QueryAsync(db => db.StripeEvents.IgnoreQueryFilters().CountAsync(e => e.EventId == eventId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_tampered_body_a_stale_signature_or_another_secret_is_refused_and_changes_nothing()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        await app.Stripe.HoldDeliveriesAsync(true);
        try
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            await app.Stripe.PayAsync(checkout.SessionId);
            var status = await admin.StripeStatusAsync();
            var completed = (await app.Stripe.EventsAsync(status.AccountId!, "checkout.session.completed"))[^1].GetProperty("id").GetString()!;

            var tampered = await app.Stripe.DeliverSignedAsync(completed, tamper: true);
            var stale = await app.Stripe.DeliverSignedAsync(completed, timestampOffsetSeconds: -301);
            var otherSecret = await app.Stripe.DeliverToAsync(completed, status.WebhookUrl!, "whsec_somebodyelse");
            var unsigned = await PostAsync(status.WebhookUrl!, "{}", null);

            (tampered, stale, otherSecret).ShouldBe((400, 400, 400));
            (await unsigned.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe(BillingErrorCodes.WebhookInvalidSignature);
            var untouched = await admin.GetInvoiceAsync(invoice.Id);
            (untouched.Status, untouched.Payments.Count).ShouldBe((InvoiceStatus.Sent, 0));
            (await app.QueryAsync(db => db.StripeEvents.IgnoreQueryFilters().CountAsync(e => e.TenantId == admin.TenantId))).ShouldBe(0);
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
        }
    }

    [Fact]
    public async Task A_signature_just_inside_the_five_minute_tolerance_is_accepted()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        await app.Stripe.HoldDeliveriesAsync(true);
        try
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            await app.Stripe.PayAsync(checkout.SessionId);
            var completed = (await app.Stripe.EventsAsync((await admin.StripeStatusAsync()).AccountId!, "checkout.session.completed"))[^1].GetProperty("id").GetString()!;

            (await app.Stripe.DeliverSignedAsync(completed, timestampOffsetSeconds: -240)).ShouldBe(200);
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
        }

        (await admin.GetInvoiceAsync(invoice.Id)).Status.ShouldBe(InvoiceStatus.Paid);
    }

    [Fact]
    public async Task Organisation_As_event_sent_to_Bs_url_is_refused()
    {
        var (a, _, invoiceA, eventId) = await PaidAsync();
        var b = await app.SignUpAsync();
        var connectedB = await b.ConnectStripeOkAsync(await app.Stripe.CreateAccountAsync());
        var bSecret = await SigningSecretAsync(b);
        var before = await a.GetInvoiceAsync(invoiceA.Id);

        var signedWithAs = await app.Stripe.DeliverToAsync(eventId, connectedB.WebhookUrl!, await SigningSecretAsync(a));
        var forgedForB = await app.Stripe.DeliverToAsync(eventId, connectedB.WebhookUrl!, bSecret);

        signedWithAs.ShouldBe(400);
        forgedForB.ShouldBe(200); // a valid signature for B, but the payment is not B's: ignored
        (await a.GetInvoiceAsync(invoiceA.Id)).ShouldBeEquivalentInvoice(before);
        (await app.QueryAsync(db => db.Payments.IgnoreQueryFilters().CountAsync(p => p.TenantId == b.TenantId))).ShouldBe(0);
    }

    [Fact]
    public async Task An_event_type_Regentra_does_not_handle_is_acknowledged_and_ignored()
    {
        var admin = await app.SignUpAsync();
        var connected = await admin.ConnectStripeOkAsync(await app.Stripe.CreateAccountAsync());
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = $"evt_unknown_{Guid.NewGuid():N}", @object = "event", api_version = Stripe.StripeConfiguration.ApiVersion,
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), data = new { @object = new { id = "cus_123", @object = "customer" } },
            livemode = false, pending_webhooks = 1, request = new { id = (string?)null, idempotency_key = (string?)null }, type = "customer.created",
        });

        var response = await PostAsync(connected.WebhookUrl!, body, Sign(body, await SigningSecretAsync(admin), DateTimeOffset.UtcNow));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("does not handle customer.created");
    }

    [Fact]
    public async Task An_unknown_webhook_url_is_not_found()
    {
        var response = await PostAsync($"{app.Url}/api/public/stripe/webhooks/{StripeConnection.NewWebhookToken()}", "{}", "t=1,v1=00");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task A_delivery_for_a_suspended_organisation_is_deferred_not_lost()
    {
        var (admin, account, invoice) = await app.SentStripeInvoiceAsync();
        await app.Stripe.HoldDeliveriesAsync(true);
        string completed;
        try
        {
            var checkout = await app.CheckoutOkAsync(invoice);
            await app.Stripe.PayAsync(checkout.SessionId);
            completed = (await app.Stripe.EventsAsync(account.AccountId, "checkout.session.completed"))[^1].GetProperty("id").GetString()!;
        }
        finally
        {
            await app.Stripe.HoldDeliveriesAsync(false);
        }

        await app.Stripe.WaitIdleAsync();
        (await admin.GetInvoiceAsync(invoice.Id)).Status.ShouldBe(InvoiceStatus.Paid, "delivered while active");
        var host = await app.SignInHostAdminAsync();
        await (await host.PostJsonAsync($"/api/saas/tenants/{admin.TenantId}/suspend", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await app.Stripe.DeliverToAsync(completed, (await SigningStatusUrlAsync(admin)), await SigningSecretAsync(admin))).ShouldBe(503);
    }

    private async Task<string> SigningStatusUrlAsync(TenantSession admin)
    {
        var row = await app.QueryAsync(db => db.StripeConnections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.TenantId == admin.TenantId));
        return $"{app.Url}/api/public/stripe/webhooks/{row.WebhookToken}";
    }
}

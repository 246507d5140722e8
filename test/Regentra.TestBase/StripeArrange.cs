using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;

namespace Regentra.TestBase;

/// <summary>Shortcuts for the Stripe flows: connect an organisation, open a pay link's Checkout page, pay it on the stand-in.</summary>
public static class StripeArrange
{
    public static Task<HttpResponseMessage> ConnectStripeAsync(this TenantSession admin, string? publishableKey, string? secretKey, string? signingSecret = null) =>
        admin.Client.PutJsonAsync("/api/billing/stripe", new ConnectStripeRequest(publishableKey, secretKey, signingSecret));

    public static async Task<StripeConnectionDto> ConnectStripeOkAsync(this TenantSession admin, StandInAccount account) =>
        await (await admin.ConnectStripeAsync(account.PublishableKey, account.SecretKey)).ReadAsync<StripeConnectionDto>();

    public static Task<StripeConnectionDto> StripeStatusAsync(this TenantSession admin) =>
        admin.Client.GetAsync<StripeConnectionDto>("/api/billing/stripe");

    /// <summary>The token of an invoice's pay link (/pay/{token}).</summary>
    public static string PayToken(this InvoiceDetailDto invoice) => new Uri(invoice.PayUrl!).Segments[^1];

    /// <summary>"Pay now" on the pay link, as the client's browser (anonymous) does it.</summary>
    public static Task<HttpResponseMessage> CheckoutAsync(this RegentraApp app, string token) =>
        app.CreateClient().PostJsonAsync($"/api/public/invoices/{token}/checkout", null);

    public static async Task<CheckoutResponse> CheckoutOkAsync(this RegentraApp app, InvoiceDetailDto invoice) =>
        await (await app.CheckoutAsync(invoice.PayToken())).ReadAsync<CheckoutResponse>();

    public static Task<PublicInvoiceDto> PublicInvoiceAsync(this RegentraApp app, InvoiceDetailDto invoice) =>
        app.CreateClient().GetAsync<PublicInvoiceDto>($"/api/public/invoices/{invoice.PayToken()}");

    /// <summary>
    /// A new organisation connected to its own stand-in Stripe account, with a sent February invoice of 100 an hour for
    /// the given minutes plus 20 % tax (one hour: 120.00 USD).
    /// </summary>
    public static async Task<(TenantSession Admin, StandInAccount Account, InvoiceDetailDto Invoice)> SentStripeInvoiceAsync(
        this StripeApp app, string? currency = null, params int[] minutes)
    {
        var (admin, client) = await app.SignUpBillingAsync(currency);
        var account = await app.Stripe.CreateAccountAsync($"Stripe of {admin.Slug}", (currency ?? "USD").ToLowerInvariant());
        await admin.ConnectStripeOkAsync(account);
        return (admin, account, await admin.FebruarySentAsync(client.Id, minutes));
    }

    /// <summary>Opens the pay link's Checkout page and pays it on the stand-in; returns once the webhooks are delivered.</summary>
    public static async Task<CheckoutResponse> PayOnStripeAsync(this StripeApp app, InvoiceDetailDto invoice, string method = "card")
    {
        var checkout = await app.CheckoutOkAsync(invoice);
        await app.Stripe.PayAsync(checkout.SessionId, method);
        await app.Stripe.WaitIdleAsync();
        return checkout;
    }
}

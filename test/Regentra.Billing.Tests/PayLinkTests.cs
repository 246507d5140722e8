using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;

namespace Regentra.Billing.Tests;

/// <summary>The pay link in the invoice email, for the client (no sign-in): what it shows, the plain page and the PDF.</summary>
public sealed class PayLinkTests(StripeApp app) : IClassFixture<StripeApp>
{
    [Fact]
    public async Task The_pay_link_shows_the_invoice_and_what_is_due()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        await (await admin.PayAsync(invoice.Id, 20m)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var seen = await app.PublicInvoiceAsync(invoice);

        var organization = (await admin.Client.GetAsync<Regentra.Saas.Contracts.Settings.TenantSettingsDto>("/api/saas/settings")).OrganizationName;
        seen.ShouldBe(new PublicInvoiceDto(organization, null, invoice.Number!, invoice.ClientName, invoice.IssueDate!.Value, invoice.DueDate!.Value,
            invoice.PeriodStart, invoice.PeriodEnd, "USD", 100m, 20m, 120m, 20m, 100m, InvoiceStatus.PartiallyPaid, true, null, false, null) with
        { OrganizationAddress = seen.OrganizationAddress });
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_not_found()
    {
        foreach (var token in new[] { new string('a', 48), "x", Guid.NewGuid().ToString("N") })
        {
            (await (await app.CreateClient().GetResponseAsync($"/api/public/invoices/{token}")).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
            (await app.CheckoutAsync(token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_suspended_organisations_pay_links_stop_working()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var host = await app.SignInHostAdminAsync();

        await (await host.PostJsonAsync($"/api/saas/tenants/{admin.TenantId}/suspend", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await app.CreateClient().GetResponseAsync($"/api/public/invoices/{invoice.PayToken()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CheckoutAsync(invoice.PayToken())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_plain_pay_page_works_without_javascript_and_its_button_goes_to_Checkout()
    {
        var (_, _, invoice) = await app.SentStripeInvoiceAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };

        var page = await browser.GetAsync($"/pay/{invoice.PayToken()}");
        var html = await page.Content.ReadAsStringAsync();
        var pay = await browser.PostAsync($"/pay/{invoice.PayToken()}/checkout", new FormUrlEncodedContent([]));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain($"Invoice {invoice.Number}");
        html.ShouldContain("Pay 120.00 USD now");
        html.ShouldContain($"/api/public/invoices/{invoice.PayToken()}/pdf");
        pay.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await pay.Content.ReadAsStringAsync());
        pay.Headers.Location!.ToString().ShouldStartWith($"{app.Stripe.BaseUrl}/checkout/cs_test_");
    }

    [Fact]
    public async Task Coming_back_from_Checkout_the_page_says_what_happened()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var browser = app.CreateClient();

        var cancelled = await browser.GetStringAsync($"/pay/{invoice.PayToken()}?checkout=cancelled");
        await app.PayOnStripeAsync(invoice);
        var paid = await browser.GetStringAsync($"/pay/{invoice.PayToken()}?checkout=success&session_id=cs_x");

        cancelled.ShouldContain("Payment cancelled");
        paid.ShouldContain("This invoice is paid");
        paid.ShouldNotContain("<button");
        (await admin.GetInvoiceAsync(invoice.Id)).Status.ShouldBe(InvoiceStatus.Paid);
    }

    [Fact]
    public async Task The_pay_link_offers_the_invoice_PDF()
    {
        var (_, _, invoice) = await app.SentStripeInvoiceAsync();

        var pdf = await app.CreateClient().GetAsync($"/api/public/invoices/{invoice.PayToken()}/pdf");

        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task A_signed_in_MSP_opening_a_pay_link_in_its_own_browser_can_pay_without_the_XSRF_header()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var cookie = await app.CookieSignInAsync(admin.Slug, admin.Email);

        var checkout = await cookie.Client.PostJsonAsync($"/api/public/invoices/{invoice.PayToken()}/checkout", null);

        await checkout.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_organisations_logo_is_on_the_pay_page_and_printed_on_the_invoice()
    {
        var (admin, _, invoice) = await app.SentStripeInvoiceAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var pdfBefore = await app.CreateClient().GetByteArrayAsync($"/api/public/invoices/{invoice.PayToken()}/pdf");
        (await app.PublicInvoiceAsync(invoice)).LogoUrl.ShouldBeNull();
        var upload = new ByteArrayContent(png);
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        await (await admin.Client.PutAsync("/api/saas/settings/logo", upload)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var seen = await app.PublicInvoiceAsync(invoice);
        var logo = await app.CreateClient().GetByteArrayAsync(seen.LogoUrl!);
        var page = await app.CreateClient().GetStringAsync($"/pay/{invoice.PayToken()}");
        var pdf = await app.CreateClient().GetByteArrayAsync($"/api/public/invoices/{invoice.PayToken()}/pdf");

        logo.ShouldBe(png);
        page.ShouldContain($"<img class=\"logo\" src=\"{seen.LogoUrl!.Replace("&", "&amp;", StringComparison.Ordinal)}\"");
        InvoicePdfText.ImagesOnFirstPage(pdf).ShouldBe(1);
        InvoicePdfText.ImagesOnFirstPage(pdfBefore).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_logo_the_pay_links_logo_is_not_found()
    {
        var (_, _, invoice) = await app.SentStripeInvoiceAsync();

        (await app.CreateClient().GetAsync($"/api/public/invoices/{invoice.PayToken()}/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

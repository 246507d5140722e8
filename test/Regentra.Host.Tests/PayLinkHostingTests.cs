namespace Regentra.Host.Tests;

/// <summary>The pay link with the web app built: the app's pay page, while the plain page and its form stay reachable.</summary>
public sealed class PayLinkHostingTests(SpaBuildApp app) : IClassFixture<SpaBuildApp>
{
    private static string? CacheControl(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;

    [Theory]
    [InlineData("")]
    [InlineData("?checkout=success&session_id=cs_test_1")]
    [InlineData("?checkout=cancelled")]
    public async Task A_pay_link_opens_the_web_apps_pay_page_and_is_not_cached(string query)
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var invoice = await admin.FebruarySentAsync(client.Id);

        var response = await app.CreateClient().GetResponseAsync($"/pay/{invoice.PayToken()}{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        CacheControl(response).ShouldBe("no-cache");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<app-root>");
        html.ShouldNotContain($"Invoice {invoice.Number}");
    }

    [Fact]
    public async Task The_app_page_tells_a_browser_without_javascript_where_the_plain_page_is()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var invoice = await admin.FebruarySentAsync(client.Id);

        var html = await app.CreateClient().GetStringAsync(new Uri($"/pay/{invoice.PayToken()}", UriKind.Relative));

        html.ShouldContain($"<noscript>This page needs JavaScript. <a href=\"/pay/{invoice.PayToken()}?plain\">");
    }

    [Fact]
    public async Task The_plain_page_is_still_there_with_plain_and_its_form_still_posts_to_the_module()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var invoice = await admin.FebruarySentAsync(client.Id);
        var browser = app.CreateClient();

        var plain = await browser.GetResponseAsync($"/pay/{invoice.PayToken()}?plain");
        var form = await browser.PostAsync(new Uri($"/pay/{invoice.PayToken()}/checkout", UriKind.Relative), new FormUrlEncodedContent([]));

        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await plain.Content.ReadAsStringAsync();
        html.ShouldContain($"Invoice {invoice.Number}");
        html.ShouldNotContain("<app-root>");
        // No Stripe account is connected: the module's page answers with the reason instead of going to Checkout.
        var answer = await form.Content.ReadAsStringAsync();
        answer.ShouldNotContain("<app-root>");
        answer.ShouldContain("Online payment is not offered");
    }

    [Fact]
    public async Task Only_a_pay_link_itself_is_answered_so_the_api_keeps_its_errors()
    {
        var response = await app.CreateClient().GetResponseAsync("/api/public/invoices/not-a-token-at-all-xx");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }
}

/// <summary>The pay link without a built web app: the plain page, which needs no JavaScript.</summary>
public sealed class PayLinkWithoutWebAppTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Without_the_web_app_a_pay_link_is_the_plain_page()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var invoice = await admin.FebruarySentAsync(client.Id);

        var response = await app.CreateClient().GetResponseAsync($"/pay/{invoice.PayToken()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"Invoice {invoice.Number}");
        html.ShouldContain($"/api/public/invoices/{invoice.PayToken()}/pdf");
    }
}

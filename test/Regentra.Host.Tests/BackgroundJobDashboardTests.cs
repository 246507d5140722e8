using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Regentra.Saas;
using Regentra.Saas.Contracts.Account;

namespace Regentra.Host.Tests;

public sealed class BackgroundJobDashboardTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task The_dashboard_refuses_anonymous_visitors()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/hangfire", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_dashboard_refuses_an_organisation_admin()
    {
        var admin = await app.SignUpAsync();
        var browser = await BrowserSignedInAsync(admin.Slug, admin.Email, admin.Password);

        (await browser.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_opens_for_a_host_administrator()
    {
        var email = $"ops-{Guid.NewGuid():N}@regentra.test";
        await app.Services.CreateHostAdminAsync(email, Sessions.Password);
        var browser = await BrowserSignedInAsync(null, email, Sessions.Password);

        var response = await browser.GetAsync(new Uri("/hangfire", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Regentra background jobs");
    }

    private async Task<HttpClient> BrowserSignedInAsync(string? organization, string email, string password)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        browser.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        await (await browser.PostJsonAsync("/api/account/login", new LoginRequest(organization, email, password)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return browser;
    }
}

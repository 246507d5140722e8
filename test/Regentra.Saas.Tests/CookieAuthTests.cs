using Microsoft.AspNetCore.Mvc.Testing;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Saas.Tests;

public sealed class CookieAuthTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Cookie_login_sets_an_http_only_auth_cookie_and_a_readable_xsrf_cookie()
    {
        var admin = await app.SignUpAsync();

        var response = await app.CreateClient().PostJsonAsync("/api/account/login", new LoginRequest(admin.Slug, admin.Email, Sessions.Password));

        var config = await response.ReadAsync<AppConfigDto>();
        config.CurrentUser!.Email.ShouldBe(admin.Email);
        Api.SetCookieHeader(response, ".Regentra.Auth")!.ToLowerInvariant().ShouldContain("httponly");
        Api.SetCookieHeader(response, "XSRF-TOKEN")!.ToLowerInvariant().ShouldNotContain("httponly");
        Api.SetCookieValue(response, "XSRF-TOKEN").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_cookie_authenticates_reads_without_any_header()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);

        var config = await browser.Client.GetAsync<AppConfigDto>("/api/app-config");

        config.CurrentUser!.Id.ShouldBe(admin.UserId);
        config.CurrentTenant!.Id.ShouldBe(admin.TenantId);
        await (await browser.Client.GetResponseAsync("/api/saas/settings")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unsafe_cookie_call_without_the_xsrf_header_is_refused_and_changes_nothing()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        var settings = await browser.Client.GetSettingsAsync();

        var response = await browser.Client.CallAsync(HttpMethod.Put, "/api/saas/settings", settings.AsUpdate() with { OrganizationName = "Forged" });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Security:Antiforgery");
        (await admin.Client.GetSettingsAsync()).ShouldBe(settings);
    }

    [Fact]
    public async Task An_unsafe_cookie_call_with_a_wrong_xsrf_header_is_refused()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        var settings = await browser.Client.GetSettingsAsync();

        var response = await browser.Client.CallAsync(HttpMethod.Put, "/api/saas/settings", settings.AsUpdate() with { OrganizationName = "Forged" }, "not-the-token");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Security:Antiforgery");
        (await admin.Client.GetSettingsAsync()).OrganizationName.ShouldBe(settings.OrganizationName);
    }

    [Fact]
    public async Task The_xsrf_token_of_another_user_does_not_pass()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var adminBrowser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        var managerBrowser = await app.CookieSignInAsync(manager.Slug, manager.Email);
        var settings = await adminBrowser.Client.GetSettingsAsync();

        var response = await adminBrowser.Client.CallAsync(HttpMethod.Put, "/api/saas/settings",
            settings.AsUpdate() with { OrganizationName = "Forged" }, managerBrowser.XsrfToken);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Security:Antiforgery");
    }

    [Fact]
    public async Task An_unsafe_cookie_call_with_the_xsrf_header_succeeds()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        var settings = await browser.Client.GetSettingsAsync();

        var response = await browser.Client.CallAsync(HttpMethod.Put, "/api/saas/settings",
            settings.AsUpdate() with { OrganizationName = "Renamed by browser" }, browser.XsrfToken);

        (await response.ReadAsync<TenantSettingsDto>()).OrganizationName.ShouldBe("Renamed by browser");
        (await admin.Client.GetSettingsAsync()).OrganizationName.ShouldBe("Renamed by browser");
    }

    [Fact]
    public async Task A_bearer_call_needs_no_xsrf_header()
    {
        var admin = await app.SignUpAsync();
        var settings = await admin.Client.GetSettingsAsync();

        var response = await admin.Client.CallAsync(HttpMethod.Put, "/api/saas/settings", settings.AsUpdate() with { OrganizationName = "Renamed by API" });

        (await response.ReadAsync<TenantSettingsDto>()).OrganizationName.ShouldBe("Renamed by API");
    }

    [Fact]
    public async Task Logout_ends_the_cookie_session()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);

        var response = await browser.Client.CallAsync(HttpMethod.Post, "/api/account/logout", xsrfToken: browser.XsrfToken);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Api.SetCookieHeader(response, ".Regentra.Auth")!.ShouldContain("expires=Thu, 01 Jan 1970");
        (await browser.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser.ShouldBeNull();
        (await (await browser.Client.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBe("Security:Unauthenticated");
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_logout_no_longer_works_afterwards()
    {
        var admin = await app.SignUpAsync();
        var login = await app.CreateClient().PostJsonAsync("/api/account/login", new LoginRequest(admin.Slug, admin.Email, Sessions.Password));
        var stolen = Api.SetCookieValue(login, ".Regentra.Auth")!;
        var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        attacker.DefaultRequestHeaders.Add("Cookie", $".Regentra.Auth={stolen}");
        await (await attacker.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var xsrf = Api.SetCookieValue(login, "XSRF-TOKEN")!;
        var owner = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        owner.DefaultRequestHeaders.Add("Cookie", $".Regentra.Auth={stolen}; {Api.SetCookieHeader(login, ".Regentra.Antiforgery")!.Split(';')[0]}");

        await (await owner.CallAsync(HttpMethod.Post, "/api/account/logout", xsrfToken: xsrf)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await (await attacker.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBe("Security:Unauthenticated");
    }

    [Fact]
    public async Task Logout_without_the_xsrf_header_is_refused_so_another_site_cannot_sign_the_user_out()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);

        var response = await browser.Client.CallAsync(HttpMethod.Post, "/api/account/logout");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Security:Antiforgery");
        (await browser.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser.ShouldNotBeNull();
    }
}

using Regentra.Framework.Errors;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Saas.Tests;

/// <summary>A web (cookie) session of an organisation a host operator suspends ends, so the browser can show sign-in.</summary>
public sealed class SuspendedSessionTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private async Task SuspendAsync(TenantSession admin)
    {
        var host = await app.SignInHostAdminAsync();
        await (await host.CallAsync(HttpMethod.Post, $"/api/saas/tenants/{admin.TenantId}/suspend", new SuspendTenantRequest("Unpaid")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_api_call_of_a_suspended_organisations_browser_is_refused_with_the_reason_and_signs_it_out()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        await SuspendAsync(admin);

        var call = await browser.Client.GetResponseAsync("/api/saas/users");

        Api.SetCookieHeader(call, ".Regentra.Auth")!.ShouldContain("expires=Thu, 01 Jan 1970");
        var problem = await call.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe(FrameworkErrorCodes.TenantSuspended);
        problem.Detail!.ShouldContain("signed out");
        (await browser.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser.ShouldBeNull();
    }

    [Fact]
    public async Task Loading_the_app_of_a_suspended_organisation_continues_signed_out()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        await SuspendAsync(admin);

        var config = await browser.Client.GetResponseAsync("/api/app-config");

        config.StatusCode.ShouldBe(HttpStatusCode.OK);
        Api.SetCookieHeader(config, ".Regentra.Auth")!.ShouldContain("expires=Thu, 01 Jan 1970");
        (await config.ReadAsync<AppConfigDto>()).CurrentUser.ShouldBeNull();
        (await browser.Client.GetResponseAsync("/api/saas/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_organisations_browser_and_the_suspended_ones_tokens_are_unaffected()
    {
        var suspended = await app.SignUpAsync();
        var bystander = await app.SignUpAsync();
        var bystanderBrowser = await app.CookieSignInAsync(bystander.Slug, bystander.Email);
        await SuspendAsync(suspended);

        await (await bystanderBrowser.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        // A bearer token is not stored in a browser: it keeps getting the suspension, from tenant resolution.
        (await (await suspended.Client.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Forbidden)).Code
            .ShouldBe(FrameworkErrorCodes.TenantSuspended);
    }

    [Fact]
    public async Task Once_reactivated_its_people_sign_in_again()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        await SuspendAsync(admin);
        await browser.Client.GetResponseAsync("/api/saas/users");
        var host = await app.SignInHostAdminAsync();
        await (await host.CallAsync(HttpMethod.Post, $"/api/saas/tenants/{admin.TenantId}/reactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var again = await app.CookieSignInAsync(admin.Slug, admin.Email);

        again.Config.CurrentUser!.Email.ShouldBe(admin.Email);
        await (await again.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}

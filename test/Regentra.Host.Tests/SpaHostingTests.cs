using Microsoft.Net.Http.Headers;

namespace Regentra.Host.Tests;

/// <summary>A host serving a small stand-in of the Angular build, so caching can be checked file by file.</summary>
public sealed class SpaBuildApp : RegentraApp
{
    public string BuildFolder { get; } = Path.Combine(Path.GetTempPath(), "regentra-tests", $"spa-{Guid.NewGuid():N}");

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(BuildFolder, "media"));
        File.WriteAllText(Path.Combine(BuildFolder, "index.html"), "<!doctype html><html><head><title>Regentra</title></head><body><app-root></app-root></body></html>");
        File.WriteAllText(Path.Combine(BuildFolder, "main-7KQ2LZ3D.js"), "console.log('app');");
        File.WriteAllText(Path.Combine(BuildFolder, "styles-Q4M2ZB7X.css"), "body{}");
        File.WriteAllText(Path.Combine(BuildFolder, "media", "material-icons-KAZ2WK3P.woff2"), "font");
        File.WriteAllText(Path.Combine(BuildFolder, "favicon.ico"), "icon");
        settings["Spa:RootPath"] = BuildFolder;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(BuildFolder, recursive: true);
    }
}

public sealed class SpaHostingTests(SpaBuildApp app) : IClassFixture<SpaBuildApp>
{
    private async Task<HttpResponseMessage> GetAsync(string path) => await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

    private static string? CacheControl(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.CacheControl, out var values) ? string.Join(", ", values) : null;

    [Theory]
    [InlineData("/main-7KQ2LZ3D.js")]
    [InlineData("/styles-Q4M2ZB7X.css")]
    [InlineData("/media/material-icons-KAZ2WK3P.woff2")]
    public async Task Hashed_bundles_are_cached_for_a_year(string path)
    {
        var response = await GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CacheControl(response).ShouldBe("public, max-age=31536000, immutable");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/favicon.ico")]
    public async Task The_entry_page_and_unhashed_files_are_revalidated_on_every_load(string path)
    {
        var response = await GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CacheControl(response).ShouldBe("no-cache");
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/time/approvals")]
    [InlineData("/accept-invitation?token=abc")]
    [InlineData("/clients/42/agreement")]
    public async Task A_deep_link_gets_the_app_and_is_not_cached(string path)
    {
        var response = await GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<app-root>");
        CacheControl(response).ShouldBe("no-cache");
    }

    [Fact]
    public async Task A_bundle_of_an_older_build_is_a_404_and_never_the_app()
    {
        var response = await GetAsync("/main-OLDBUILD.js");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<app-root>");
    }

    [Fact]
    public async Task An_unknown_api_route_stays_a_problem_404()
    {
        var problem = await (await GetAsync("/api/psa/nothing-here")).ReadProblemAsync(HttpStatusCode.NotFound);

        problem.Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task A_deactivated_members_page_load_gets_the_app_signed_out_rather_than_an_error()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Technician");
        var browser = await app.CookieSignInAsync(member.Slug, member.Email);
        await (await admin.Client.PostJsonAsync($"/api/saas/users/{member.UserId}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var page = await browser.Client.GetResponseAsync("/time/timesheet");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("<app-root>");
        Api.SetCookieHeader(page, ".Regentra.Auth")!.ShouldContain("expires=Thu, 01 Jan 1970");
        (await browser.Client.GetAsync<Regentra.Saas.Contracts.Account.AppConfigDto>("/api/app-config")).CurrentUser.ShouldBeNull();
    }

    [Fact]
    public async Task A_deactivated_members_api_call_is_still_refused_with_the_reason()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Technician");
        var browser = await app.CookieSignInAsync(member.Slug, member.Email);
        await (await admin.Client.PostJsonAsync($"/api/saas/users/{member.UserId}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var call = await browser.Client.GetResponseAsync("/api/psa/time-entries");

        (await call.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Saas:User.Deactivated");
    }
}

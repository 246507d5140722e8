using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Regentra.Host.Tests;

/// <summary>
/// The web app signs in with a cookie, so every state-changing endpoint must refuse a cookie call that lacks the
/// X-XSRF-TOKEN header. Walks every mapped route instead of trusting a list, so a new endpoint is covered the day
/// it is added. Endpoints that also serve anonymous callers (sign-in, signup) are walked too: with a session cookie
/// present the header is required there as well. Only the public routes (/api/public/..., /pay/...: pay links and
/// payment webhooks, which act on no session) skip the check, and are shown to pass it even with a session cookie.
/// </summary>
public sealed partial class AntiforgeryCoverageTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [GeneratedRegex(@"\{(?<name>[^}:?]+)(?<constraints>[^}]*)\}")]
    private static partial Regex RouteParameter();

    private List<(string Method, string Pattern)> UnsafeSessionRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.StartsWith("/api/public", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(UnsafeMethods)
                .Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    // Route values that satisfy each parameter's constraint, so the request would reach its endpoint.
    private static string Fill(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraints"].Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : m.Groups["constraints"].Value.Contains(":int", StringComparison.Ordinal) ? "1"
            : "Technician");

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_a_cookie_call_without_the_xsrf_header()
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);
        var routes = UnsafeSessionRoutes();

        var accepted = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var response = await browser.Client.CallAsync(new HttpMethod(method), Fill(pattern), new { });
            var problem = response.StatusCode == HttpStatusCode.BadRequest ? await response.ReadProblemAsync(HttpStatusCode.BadRequest) : null;
            if (problem?.Code != "Security:Antiforgery")
            {
                accepted.Add($"{method} {pattern} answered {(int)response.StatusCode} {problem?.Code}");
            }
        }

        routes.Count.ShouldBeGreaterThan(40);
        routes.ShouldContain(("POST", "/api/psa/time-entries/bulk"));
        routes.ShouldContain(("PUT", "/api/saas/settings"));
        routes.ShouldContain(("POST", "/api/account/logout"));
        accepted.ShouldBeEmpty("These endpoints did not check the XSRF header:");
        (await browser.Client.GetAsync<Regentra.Saas.Contracts.Account.AppConfigDto>("/api/app-config")).CurrentUser.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/api/public/stripe/webhook/abc")]
    [InlineData("/pay/abc")]
    public async Task Public_routes_are_not_refused_for_a_missing_xsrf_header(string path)
    {
        var admin = await app.SignUpAsync();
        var browser = await app.CookieSignInAsync(admin.Slug, admin.Email);

        var response = await browser.Client.CallAsync(HttpMethod.Post, path, new { });

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldNotBe("Security:Antiforgery");
        }
    }
}

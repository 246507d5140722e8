using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Regentra.Host.Tests;

public sealed class HostEndpointTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_without_signing_in()
    {
        var client = app.CreateClient();

        (await client.GetStringAsync(new Uri("/health/live", UriKind.Relative))).ShouldBe("Healthy");
        (await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_the_interactive_reference_is_served()
    {
        var client = app.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        document.ShouldContain("\"/api/saas/signup\"");
        document.ShouldContain("\"/api/account/token\"");
        document.ShouldContain("\"/api/psa/time-entries/bulk\"");
        document.ShouldContain("\"bearer\"");
        var reference = await client.GetAsync(new Uri("/scalar", UriKind.Relative));
        reference.StatusCode.ShouldBe(HttpStatusCode.OK);
        reference.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/clients/42/agreement")]
    public async Task Web_app_routes_fall_back_to_the_single_page_app(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<title>Regentra</title>");
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_json_404_and_never_the_web_app()
    {
        var problem = await (await app.CreateClient().GetAsync(new Uri("/api/psa/nothing-here", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        problem.Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_server_error()
    {
        var response = await app.CreateClient().PostAsync(new Uri("/api/saas/signup", UriKind.Relative),
            new StringContent("{\"organizationName\": ", Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("BadRequest");
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_a_400_problem()
    {
        var response = await app.CreateClient().PostAsync(new Uri("/api/account/token", UriKind.Relative),
            new StringContent("{\"organization\": [1,2], \"email\": 5}", Encoding.UTF8, "application/json"));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Detail!.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task A_non_json_body_is_refused_as_unsupported_media_type()
    {
        var response = await app.CreateClient().PostAsync(new Uri("/api/saas/signup", UriKind.Relative),
            new StringContent("organizationName=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (problem.Code, problem.Title).ShouldBe(("UnsupportedMediaType", "Unsupported media type"));
    }

    [Fact]
    public async Task A_json_endpoint_called_without_any_body_is_a_400_asking_for_one()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.PutAsync(new Uri($"/api/saas/users/{admin.UserId}/role", UriKind.Relative), null);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Detail.ShouldBe("This endpoint needs a JSON request body.");
    }

    [Fact]
    public async Task A_wrong_method_on_a_real_route_is_a_405_problem()
    {
        var response = await app.CreateClient().DeleteAsync(new Uri("/api/saas/signup", UriKind.Relative));

        var problem = await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        (problem.Code, problem.Title).ShouldBe(("MethodNotAllowed", "Method not allowed"));
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_problem()
    {
        var admin = await app.SignUpAsync();

        var problem = await (await admin.Client.GetAsync(new Uri("/api/saas/users?take=lots", UriKind.Relative)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail!.ShouldContain("take");
    }

    [Fact]
    public void Every_api_endpoint_declares_who_may_call_it()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName);

        endpoints.ShouldNotBeEmpty();
        undeclared.ShouldBeEmpty("Each endpoint must call RequireAuthorization(permission) or AllowAnonymous():");
    }
}

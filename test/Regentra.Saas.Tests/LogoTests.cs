using System.Net.Http.Headers;

namespace Regentra.Saas.Tests;

/// <summary>/api/saas/settings/logo: the organisation's logo, for its invoices and pay page.</summary>
public sealed class LogoTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] image, string contentType = "image/png")
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PutAsync("/api/saas/settings/logo", content);
    }

    [Fact]
    public async Task An_admin_uploads_replaces_and_removes_the_logo()
    {
        var admin = await app.SignUpAsync();

        await (await UploadAsync(admin.Client, LogoImageTests.OnePixelPng)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var first = await admin.Client.GetAsync("/api/saas/settings/logo");
        await (await UploadAsync(admin.Client, LogoImageTests.JpegOfSize(300, 100), "application/octet-stream")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var second = await admin.Client.GetAsync("/api/saas/settings/logo");
        var removed = await admin.Client.DeleteAsync("/api/saas/settings/logo");
        var after = await admin.Client.GetAsync("/api/saas/settings/logo");

        (first.StatusCode, first.Content.Headers.ContentType!.MediaType).ShouldBe((HttpStatusCode.OK, "image/png"));
        (await first.Content.ReadAsByteArrayAsync()).ShouldBe(LogoImageTests.OnePixelPng);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg", "the type comes from the bytes, not the header");
        second.Headers.ETag.ShouldNotBe(first.Headers.ETag);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await after.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task A_file_that_is_not_a_usable_image_is_refused_on_the_logo_field_and_the_old_logo_stays()
    {
        var admin = await app.SignUpAsync();
        await (await UploadAsync(admin.Client, LogoImageTests.OnePixelPng)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var svg = await UploadAsync(admin.Client, "<svg/>"u8.ToArray(), "image/svg+xml");
        var huge = await UploadAsync(admin.Client, LogoImageTests.PngOfSize(8000, 8000));

        (await svg.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["logo"]);
        (await huge.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!["logo"].ShouldHaveSingleItem().ShouldContain("8000");
        (await (await admin.Client.GetAsync("/api/saas/settings/logo")).Content.ReadAsByteArrayAsync()).ShouldBe(LogoImageTests.OnePixelPng);
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("Technician")]
    [InlineData("ReadOnly")]
    public async Task Only_those_who_change_settings_may_change_the_logo(string role)
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync(role);

        var upload = await UploadAsync(member.Client, LogoImageTests.OnePixelPng);
        var remove = await member.Client.DeleteAsync("/api/saas/settings/logo");

        (await upload.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Security:PermissionDenied");
        remove.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Client.GetAsync("/api/saas/settings/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        (await UploadAsync(app.CreateClient(), LogoImageTests.OnePixelPng)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.CreateClient().GetAsync("/api/saas/settings/logo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_organisations_logo_is_never_served()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        await (await UploadAsync(a.Client, LogoImageTests.OnePixelPng)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await b.Client.GetAsync("/api/saas/settings/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await b.Client.DeleteAsync("/api/saas/settings/logo")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await a.Client.GetAsync("/api/saas/settings/logo")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Regentra.Framework.Errors;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Saas.Branding;

/// <summary>/api/saas/settings/logo: the organisation's logo (PNG or JPEG, at most 512 KB), sent as the raw request body.</summary>
internal static class LogoEndpoints
{
    public sealed record LogoDto(string ContentType, int Bytes, string Version);

    public static void Map(IEndpointRouteBuilder saas)
    {
        var logo = saas.MapGroup("/settings/logo");
        logo.MapGet("", GetAsync).RequireAuthorization(SaasPermissions.Settings.Default)
            .WithSummary("The organisation's logo image (404 when it has none). Its ETag is the version.");
        logo.MapPut("", SaveAsync).RequireAuthorization(SaasPermissions.Settings.Manage)
            .WithSummary("Sets the logo: the PNG or JPEG file as the request body (at most 512 KB and 4000 pixels a side). Printed on invoices and the pay page.");
        logo.MapDelete("", RemoveAsync).RequireAuthorization(SaasPermissions.Settings.Manage).WithSummary("Removes the logo.");
    }

    private static async Task<IResult> GetAsync(HttpContext http, ITenantBranding branding, CancellationToken cancellationToken) =>
        Image(http, await branding.GetLogoAsync(cancellationToken)
            ?? throw new BusinessException(FrameworkErrorCodes.NotFound, "This organisation has no logo.", StatusCodes.Status404NotFound));

    private static async Task<Ok<LogoDto>> SaveAsync(HttpRequest request, TenantBranding branding, CancellationToken cancellationToken)
    {
        if (request.ContentLength > LogoImage.MaxBytes)
        {
            throw ValidationException.For("logo", $"The logo may be at most {LogoImage.MaxBytes / 1024} KB.");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var saved = await branding.SaveAsync(body.ToArray(), cancellationToken);
        return TypedResults.Ok(new LogoDto(saved.ContentType, saved.Content.Length, saved.Version));
    }

    private static async Task<NoContent> RemoveAsync(TenantBranding branding, CancellationToken cancellationToken)
    {
        await branding.RemoveAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The image with its version as ETag, revalidated on every use (it can change at any time).</summary>
    public static IResult Image(HttpContext http, TenantLogoDto logo)
    {
        http.Response.Headers.CacheControl = "private, no-cache";
        var etag = new EntityTagHeaderValue($"\"{logo.Version}\"");
        return TypedResults.File(logo.Content, logo.ContentType, entityTag: etag);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Regentra.Host.Hosting;

/// <summary>
/// Serves the Angular build (angular/dist/regentra/browser, or Spa:RootPath) with an index.html fallback for
/// client-side routes. Until the web app is built, a page in wwwroot says so and how to build it.
/// Unknown /api routes stay problem+json 404s and never fall through to the SPA, and neither does a missing file
/// (an old hashed bundle after a deployment is a 404, not HTML the browser would try to run).
/// An invoice's pay link, GET /pay/{token}, is the web app's pay page once the app is built; the Billing module's plain
/// HTML page (which needs no JavaScript) answers it when the app is not built, and always with ?plain.
/// </summary>
internal static partial class SpaHosting
{
    /// <summary>File names the Angular build stamps with a content hash (main-7KQ2LZ3D.js): they never change.</summary>
    [GeneratedRegex(@"-[A-Z0-9]{8}\.[a-z0-9]+$")]
    private static partial Regex HashedName();

    /// <summary>/pay/{token}: one segment after /pay (the no-JavaScript form posts to /pay/{token}/checkout, which stays the module's).</summary>
    [GeneratedRegex("^/pay/(?<token>[^/]+)/?$")]
    private static partial Regex PayLink();

    [GeneratedRegex("<noscript>.*?</noscript>", RegexOptions.Singleline)]
    private static partial Regex NoScript();

    public static void UseRegentraSpa(this WebApplication app)
    {
        var root = RootPath(app.Configuration, app.Environment);
        var built = File.Exists(Path.Combine(root, "index.html"));
        var files = built ? new PhysicalFileProvider(root) : app.Environment.WebRootFileProvider;
        var staticFiles = new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching };

        if (built)
        {
            app.Use(async (context, next) =>
            {
                if (PayLinkToken(context.Request) is { } token)
                {
                    await WritePayPageAsync(context, files, token);
                    return;
                }

                await next(context);
            });
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(staticFiles);

        // Client-side routes (no file extension, not under /api/) get the app's index.html. Anything else unmatched
        // gets routing's own 404/405/415, which the status-code pages turn into problem+json.
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/).*$)}", "index.html", staticFiles);
    }

    /// <summary>The token of a pay link the app answers: GET or HEAD of /pay/{token}, unless the plain page was asked for (?plain).</summary>
    private static string? PayLinkToken(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Query.ContainsKey("plain")
        && PayLink().Match(request.Path.Value ?? string.Empty) is { Success: true } match
            ? match.Groups["token"].Value
            : null;

    /// <summary>
    /// The app's index.html, revalidated on every load like every other entry to the app, with its noscript message
    /// pointing at this invoice's plain page: a client whose browser runs no JavaScript can still see and pay it.
    /// </summary>
    private static async Task WritePayPageAsync(HttpContext context, IFileProvider files, string token)
    {
        string html;
        await using (var stream = files.GetFileInfo("index.html").CreateReadStream())
        using (var reader = new StreamReader(stream))
        {
            html = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var plain = $"/pay/{Uri.EscapeDataString(token)}?plain";
        var noScript = $"<noscript>This page needs JavaScript. <a href=\"{WebUtility.HtmlEncode(plain)}\">Open the invoice as a simple page</a>: it works without it.</noscript>";
        html = NoScript().IsMatch(html) ? NoScript().Replace(html, noScript, 1) : html.Replace("</body>", noScript + "</body>", StringComparison.OrdinalIgnoreCase);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(html, context.RequestAborted);
        }
    }

    /// <summary>Where the built web app is looked for: Spa:RootPath, or the repository's angular/dist/regentra/browser.</summary>
    public static string RootPath(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration["Spa:RootPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "angular", "dist", "regentra", "browser"));

    // Hashed bundles are cached for a year; index.html (and anything unhashed) is revalidated on every load, so a
    // deployment reaches every browser on its next page load.
    private static void SetCaching(StaticFileResponseContext context)
    {
        context.Context.Response.Headers[HeaderNames.CacheControl] = HashedName().IsMatch(context.File.Name)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}

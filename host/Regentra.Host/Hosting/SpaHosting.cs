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
/// </summary>
internal static partial class SpaHosting
{
    /// <summary>File names the Angular build stamps with a content hash (main-7KQ2LZ3D.js): they never change.</summary>
    [GeneratedRegex(@"-[A-Z0-9]{8}\.[a-z0-9]+$")]
    private static partial Regex HashedName();

    public static void UseRegentraSpa(this WebApplication app)
    {
        var root = RootPath(app.Configuration, app.Environment);
        var files = File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : app.Environment.WebRootFileProvider;
        var staticFiles = new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching };

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(staticFiles);

        // Client-side routes (no file extension, not under /api/) get the app's index.html. Anything else unmatched
        // gets routing's own 404/405/415, which the status-code pages turn into problem+json.
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/).*$)}", "index.html", staticFiles);
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

using Microsoft.Extensions.FileProviders;

namespace Regentra.Host.Hosting;

/// <summary>
/// Serves the Angular build (angular/dist/regentra/browser, or Spa:RootPath) with an index.html fallback for
/// client-side routes. Until the web app is built, the placeholder page in wwwroot is served instead.
/// Unknown /api routes stay problem+json 404s and never fall through to the SPA.
/// </summary>
internal static class SpaHosting
{
    public static void UseRegentraSpa(this WebApplication app)
    {
        var configured = app.Configuration["Spa:RootPath"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "..", "angular", "dist", "regentra", "browser"))
            : Path.GetFullPath(configured, app.Environment.ContentRootPath);
        var files = File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : app.Environment.WebRootFileProvider;

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // Everything except /api/... falls back to the app's index.html. An unmatched /api route gets routing's
        // own 404/405/415, which the status-code pages turn into problem+json.
        app.MapFallbackToFile("{*path:regex(^(?!api/).*$)}", "index.html", new StaticFileOptions { FileProvider = files });
    }
}

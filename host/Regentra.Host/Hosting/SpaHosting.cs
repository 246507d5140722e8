using Microsoft.Extensions.FileProviders;
using Regentra.Framework.Errors;

namespace Regentra.Host.Hosting;

/// <summary>
/// Serves the Angular build (angular/dist/regentra/browser, or Spa:RootPath) with an index.html fallback for
/// client-side routes. Until the web app is built, the placeholder page in wwwroot is served instead.
/// Unknown /api routes stay JSON 404s and never fall through to the SPA.
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

        app.Map("/api/{**path}", (HttpContext http) => TypedResults.Problem(ProblemDetailsExceptionHandler.Create(
            StatusCodes.Status404NotFound, FrameworkErrorCodes.NotFound, $"There is no API at {http.Request.Method} {http.Request.Path}.")))
            .ExcludeFromDescription();
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
    }
}

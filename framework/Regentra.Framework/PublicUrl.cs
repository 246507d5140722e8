using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Regentra.Framework;

/// <summary>
/// The address people use to reach Regentra, for links in emails and PDFs. App:PublicUrl when configured (needed
/// for links written by background jobs), otherwise the address of the current request.
/// </summary>
public interface IPublicUrl
{
    /// <summary>The base URL without a trailing slash, e.g. https://app.example.com.</summary>
    string Resolve();
}

internal sealed class PublicUrl(IConfiguration configuration, IHttpContextAccessor http) : IPublicUrl
{
    public const string Setting = "App:PublicUrl";

    public string Resolve()
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        if (http.HttpContext?.Request is { } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
        }

        throw new InvalidOperationException($"Set {Setting} so that links written outside a web request (e.g. by the month-end run) point somewhere.");
    }
}

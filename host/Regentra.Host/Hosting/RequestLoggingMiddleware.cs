using System.Diagnostics;
using System.Security.Claims;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Host.Hosting;

/// <summary>
/// One line per API request: method, path, status, duration, tenant and user, which is what a support ticket needs.
/// The same duration goes out as a Server-Timing header (visible in browser dev tools and used by the benchmarks).
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}";
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path.Value ?? "/";
            if (logger.IsEnabled(LogLevel.Information)
                && (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || context.Response.StatusCode >= 500))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var tenantId = context.User.FindFirstValue(RegentraClaimTypes.TenantId) ?? "-";
                var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsedMs, tenantId, userId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (tenant {TenantId}, user {UserId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string tenantId, string userId);
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Regentra.Framework.Errors;

/// <summary>
/// Turns every exception into RFC 9457 problem+json with a stable <c>code</c>. Known failures keep their
/// status; malformed requests are 400; lost-update races are 409; only genuine bugs are 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
        }
        else
        {
            var code = problem.Extensions.TryGetValue("code", out var value) ? value : null;
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/", problem.Status ?? 0, code);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        BusinessException { FieldErrors: not null } b => WithFieldErrors(b),
        BusinessException b => Create(b.StatusCode, b.Code, b.Message),
        DbUpdateConcurrencyException => Create(StatusCodes.Status409Conflict, FrameworkErrorCodes.Concurrency,
            "Someone else changed this record at the same time. Reload it and try again."),
        BadHttpRequestException bad => Create(bad.StatusCode, FrameworkErrorCodes.BadRequest, BadRequestDetail(bad)),
        _ => Create(StatusCodes.Status500InternalServerError, FrameworkErrorCodes.Unexpected,
            "Something went wrong on our side. The error has been logged."),
    };

    /// <summary>
    /// Problems the framework did not create (routing's 404/405/415, status-code pages) still get a stable code
    /// and a sentence, so clients can rely on both being present.
    /// </summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Title = problem.Status is { } status ? TitleFor(status) : problem.Title;
        (problem.Extensions["code"], problem.Detail) = problem.Status switch
        {
            404 => (FrameworkErrorCodes.NotFound, problem.Detail ?? $"There is nothing at {request.Method} {request.Path}."),
            405 => ("MethodNotAllowed", problem.Detail ?? $"{request.Path} does not accept {request.Method}."),
            415 => ("UnsupportedMediaType", problem.Detail ?? "Send the request body as application/json."),
            401 => (FrameworkErrorCodes.Unauthenticated, problem.Detail ?? "Sign in to continue."),
            403 => (FrameworkErrorCodes.PermissionDenied, problem.Detail ?? "You do not have permission to do this."),
            _ when problem.Status >= 500 => (FrameworkErrorCodes.Unexpected, problem.Detail),
            _ => (FrameworkErrorCodes.BadRequest, problem.Detail),
        };
    }

    public static ProblemDetails Create(int status, string code, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static HttpValidationProblemDetails WithFieldErrors(BusinessException b)
    {
        var problem = new HttpValidationProblemDetails(b.FieldErrors!.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = b.StatusCode,
            Title = TitleFor(b.StatusCode),
            Detail = b.Message,
        };
        problem.Extensions["code"] = b.Code;
        return problem;
    }

    // Malformed JSON surfaces as a BadHttpRequestException wrapping the JsonException; its message says where.
    private static string BadRequestDetail(BadHttpRequestException bad) => bad switch
    {
        { InnerException: System.Text.Json.JsonException json } => $"The request body is not valid JSON for this endpoint: {json.Message}",
        _ when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => "This endpoint needs a JSON request body.",
        _ => bad.Message,
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is invalid",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        410 => "Gone",
        415 => "Unsupported media type",
        429 => "Too many requests",
        >= 500 => "Unexpected error",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status} ({Code})")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, object? code);
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Regentra.StripeStandIn.Hosting;

namespace Regentra.StripeStandIn.Wire;

/// <summary>
/// Everything Stripe does around a /v1 call: Request-Id and Stripe-Version headers, the journal entry, armed faults,
/// authentication and restricted-key permissions, idempotent replays, and errors in Stripe's shape.
/// Responses are buffered so a fault can still replace an answer that was already produced.
/// </summary>
internal sealed partial class StripeApiMiddleware(
    RequestDelegate next,
    ApiKeyAuthenticator authenticator,
    IdempotencyCache idempotency,
    FaultInjector faults,
    RequestJournal journal,
    TimeProvider clock,
    IOptions<StandInOptions> options,
    ILogger<StripeApiMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var method = request.Method;
        var path = request.Path.Value ?? "";
        var requestId = StripeIds.Request();
        var idempotencyKey = NullIfEmpty(request.Headers["Idempotency-Key"].ToString());
        var version = NullIfEmpty(request.Headers["Stripe-Version"].ToString());
        var record = Record(context, requestId, idempotencyKey, version);
        journal.Add(record);
        response.Headers["Request-Id"] = requestId;
        response.Headers["Stripe-Version"] = version ?? options.Value.DefaultApiVersion;
        if (idempotencyKey is not null)
        {
            response.Headers["Idempotency-Key"] = idempotencyKey;
        }

        var (parameters, invalid) = await ParseAsync(request);
        record.Params = parameters?.ToJson();

        var before = faults.Take(method, path, after: false);
        if (before is not null)
        {
            await FailAsync(context, before, record);
            return;
        }

        var realBody = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await HandleAsync(context, parameters ?? throw invalid!, record, requestId, idempotencyKey, version, buffer);
        }
        catch (StripeApiException error)
        {
            await WriteErrorAsync(context, buffer, error);
            record.ErrorCode = error.Code ?? error.Type;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnexpected(logger, exception, method, path);
            await WriteErrorAsync(context, buffer, new StripeApiException(500, "api_error", "An unexpected error occurred in the stand-in: " + exception.Message));
            record.ErrorCode = "api_error";
        }
        finally
        {
            response.Body = realBody;
        }

        var after = response.StatusCode == StatusCodes.Status200OK ? faults.Take(method, path, after: true) : null;
        if (after is not null)
        {
            await FailAsync(context, after, record);
            return;
        }

        record.Status = response.StatusCode;
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(realBody, context.RequestAborted);
    }

    private async Task HandleAsync(
        HttpContext context, FormNode parameters, RecordedRequest record, string requestId, string? idempotencyKey, string? version, MemoryStream buffer)
    {
        var request = context.Request;
        var key = authenticator.Authenticate(request);
        if (version is not null && !ApiVersionFormat().IsMatch(version))
        {
            throw StripeApiException.BadRequest($"Invalid Stripe API version: {version}");
        }

        context.Response.Headers["Stripe-Version"] = version ?? key.Account.ApiVersion;
        var permission = context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>()
            ?? throw StripeApiException.Unrecognized(request.Method, request.Path.Value ?? "");
        ApiKeyAuthenticator.Authorize(key, permission);

        context.Items[typeof(ApiRequest)] = new ApiRequest
        {
            RequestId = requestId,
            Key = key,
            Params = parameters,
            IdempotencyKey = idempotencyKey,
            StripeVersion = version ?? key.Account.ApiVersion,
        };

        if (HttpMethods.IsPost(request.Method) && idempotencyKey is not null)
        {
            var fingerprint = $"{request.Method} {request.Path}\n{parameters.Fingerprint()}";
            record.IdempotentReplayed = await idempotency.RunAsync(key.Account.Id, idempotencyKey, fingerprint, requestId, context, buffer, () => next(context));
        }
        else
        {
            await next(context);
        }
    }

    // Filled in as the request goes on; the account is known here when the key is, so faulted requests are attributed too.
    private RecordedRequest Record(HttpContext context, string requestId, string? idempotencyKey, string? version)
    {
        var key = authenticator.Find(context.Request);
        return new RecordedRequest
        {
            RequestId = requestId,
            At = clock.GetUtcNow(),
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Query = NullIfEmpty(context.Request.QueryString.Value),
            IdempotencyKey = idempotencyKey,
            StripeVersion = version,
            AccountId = key?.Account.Id,
            KeyType = key?.Kind.ToString().ToLowerInvariant(),
        };
    }

    // The query string and (for POST) the form body; a malformed name is answered later, after faults and authentication.
    private static async Task<(FormNode? Parameters, StripeApiException? Invalid)> ParseAsync(HttpRequest request)
    {
        var body = "";
        if (HttpMethods.IsPost(request.Method))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }

        try
        {
            return (StripeForm.Parse(request.QueryString.Value, body), null);
        }
        catch (StripeApiException invalid)
        {
            return (null, invalid);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, MemoryStream buffer, StripeApiException error)
    {
        buffer.SetLength(0);
        var response = context.Response;
        response.Headers.Remove("Idempotent-Replayed");
        response.Headers.Remove("Original-Request");
        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"Stripe\"";
        }

        await buffer.WriteAsync(Encoding.UTF8.GetBytes(StripeJson.Write(error.ToJson())), context.RequestAborted);
    }

    private static async Task FailAsync(HttpContext context, InjectedFault fault, RecordedRequest record)
    {
        record.Fault = fault.Status == 0 ? "connection dropped" : $"injected {fault.Status}";
        record.Status = fault.Status;
        if (fault.Status == 0)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.Headers.Remove("Idempotent-Replayed");
        response.Headers.Remove("Original-Request");
        response.StatusCode = fault.Status;
        response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["message"] = $"The stand-in answered {fault.Status} because a test armed a fault for {fault.Path}.",
            ["type"] = fault.Status >= 500 ? "api_error" : StripeApiException.InvalidRequest,
        };
        if (fault.Status == StatusCodes.Status429TooManyRequests)
        {
            error["code"] = "rate_limit";
        }

        var bytes = Encoding.UTF8.GetBytes(StripeJson.Write(new JsonObject { ["error"] = error }));
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$")]
    private static partial Regex ApiVersionFormat();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}

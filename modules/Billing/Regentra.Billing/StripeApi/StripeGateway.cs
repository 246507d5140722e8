using System.Net;
using Microsoft.Extensions.Logging;
using Stripe;
using StripeCheckout = Stripe.Checkout;

namespace Regentra.Billing.StripeApi;

/// <summary>
/// Every call Regentra makes to Stripe, through the one <see cref="StripeClient"/> (its ApiBase is Stripe:ApiBase), with
/// the organisation's own key on each request. Stripe's failures come out as <see cref="StripeCallException"/>; keys are
/// never logged.
/// </summary>
internal sealed partial class StripeGateway(StripeClient client, ILogger<StripeGateway> logger)
{
    /// <summary>Metadata keys naming our invoice on Checkout Sessions and PaymentIntents.</summary>
    public const string InvoiceIdKey = "regentra_invoice_id";

    public const string OrganizationIdKey = "regentra_organization_id";

    public const string InvoiceNumberKey = "regentra_invoice_number";

    public Task<Account> GetAccountAsync(string key, CancellationToken cancellationToken) =>
        CallAsync("read the Stripe account", () => client.V1.Accounts.GetSelfAsync(Request(key), cancellationToken));

    public Task<WebhookEndpoint> CreateWebhookEndpointAsync(string key, string url, string description, Guid organizationId, CancellationToken cancellationToken) =>
        CallAsync("create the webhook endpoint", () => client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = url,
            EnabledEvents = [.. StripeEventTypes.All],
            ApiVersion = StripeConfiguration.ApiVersion,
            Description = description,
            Metadata = new Dictionary<string, string> { [OrganizationIdKey] = organizationId.ToString() },
        }, Request(key), cancellationToken));

    /// <summary>The endpoint, or null when the account no longer has it.</summary>
    public async Task<WebhookEndpoint?> FindWebhookEndpointAsync(string key, string endpointId, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("read the webhook endpoint", () => client.V1.WebhookEndpoints.GetAsync(endpointId, null, Request(key), cancellationToken));
        }
        catch (StripeCallException e) when (e.Failure == StripeFailure.NotFound)
        {
            return null;
        }
    }

    public Task DeleteWebhookEndpointAsync(string key, string endpointId, CancellationToken cancellationToken) =>
        CallAsync("delete the webhook endpoint", () => client.V1.WebhookEndpoints.DeleteAsync(endpointId, null, Request(key), cancellationToken));

    public Task<StripeCheckout.Session> CreateCheckoutSessionAsync(
        string key, StripeCheckout.SessionCreateOptions options, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync("create the Checkout page", () => client.V1.Checkout.Sessions.CreateAsync(options,
            new RequestOptions { ApiKey = key, IdempotencyKey = idempotencyKey }, cancellationToken));

    public Task<StripeCheckout.Session> GetCheckoutSessionAsync(string key, string sessionId, CancellationToken cancellationToken) =>
        CallAsync("read the Checkout page", () => client.V1.Checkout.Sessions.GetAsync(sessionId, null, Request(key), cancellationToken));

    public Task<StripeCheckout.Session> ExpireCheckoutSessionAsync(string key, string sessionId, CancellationToken cancellationToken) =>
        CallAsync("expire the Checkout page", () => client.V1.Checkout.Sessions.ExpireAsync(sessionId, null, Request(key), cancellationToken));

    /// <summary>The Checkout Session a PaymentIntent was paid through, if any.</summary>
    public async Task<string?> FindCheckoutSessionIdAsync(string key, string paymentIntentId, CancellationToken cancellationToken) =>
        (await CallAsync("find the Checkout page", () => client.V1.Checkout.Sessions.ListAsync(
            new StripeCheckout.SessionListOptions { PaymentIntent = paymentIntentId, Limit = 1 }, Request(key), cancellationToken))).Data.FirstOrDefault()?.Id;

    /// <summary>The PaymentIntent with its latest charge expanded (what was paid, how, and how much was refunded).</summary>
    public Task<PaymentIntent> GetPaymentIntentAsync(string key, string paymentIntentId, CancellationToken cancellationToken) =>
        CallAsync("read the payment", () => client.V1.PaymentIntents.GetAsync(paymentIntentId,
            new PaymentIntentGetOptions { Expand = ["latest_charge"] }, Request(key), cancellationToken));

    public async Task<IReadOnlyList<Refund>> ListRefundsAsync(string key, string paymentIntentId, CancellationToken cancellationToken)
    {
        var refunds = new List<Refund>();
        var options = new RefundListOptions { PaymentIntent = paymentIntentId, Limit = 100 };
        while (true)
        {
            var page = await CallAsync("list the refunds", () => client.V1.Refunds.ListAsync(options, Request(key), cancellationToken));
            refunds.AddRange(page.Data);
            if (!page.HasMore || page.Data.Count == 0)
            {
                return refunds;
            }

            options.StartingAfter = page.Data[^1].Id;
        }
    }

    private static RequestOptions Request(string key) => new() { ApiKey = key };

    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            var failure = Classify(e);
            var message = e.StripeError?.Message ?? e.Message;
            LogStripeRefused(logger, action, (int)e.HttpStatusCode, e.StripeError?.Code, message);
            throw new StripeCallException(failure, Describe(failure, action, message), e.StripeError?.Code);
        }
        catch (HttpRequestException e)
        {
            LogStripeUnreachable(logger, e, action);
            throw new StripeCallException(StripeFailure.Unavailable, $"Could not reach Stripe to {action}: {e.Message} Try again in a moment.", null);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            LogStripeUnreachable(logger, e, action);
            throw new StripeCallException(StripeFailure.Unavailable, $"Stripe did not answer in time to {action}. Try again in a moment.", null);
        }
    }

    private static StripeFailure Classify(StripeException e) => (e.HttpStatusCode, e.StripeError?.Code) switch
    {
        (HttpStatusCode.Unauthorized, _) => StripeFailure.InvalidKey,
        (HttpStatusCode.Forbidden, _) => StripeFailure.PermissionDenied,
        (HttpStatusCode.NotFound, _) or (_, "resource_missing") => StripeFailure.NotFound,
        (_, "amount_too_small") => StripeFailure.AmountTooSmall,
        (0 or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict, _) => StripeFailure.Unavailable,
        ( >= HttpStatusCode.InternalServerError, _) => StripeFailure.Unavailable,
        _ => StripeFailure.Refused,
    };

    private static string Describe(StripeFailure failure, string action, string message) => failure switch
    {
        StripeFailure.InvalidKey => $"Stripe did not accept the secret key: {message}",
        StripeFailure.PermissionDenied => $"The Stripe key is not allowed to {action}: {message}",
        StripeFailure.AmountTooSmall => $"The amount is below the minimum Stripe can charge in this currency: {message}",
        StripeFailure.Unavailable => $"Stripe could not {action} just now ({message}). Try again in a moment.",
        _ => $"Stripe refused to {action}: {message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe refused to {Action}: HTTP {Status} {StripeCode}: {StripeMessage}")]
    private static partial void LogStripeRefused(ILogger logger, string action, int status, string? stripeCode, string stripeMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Stripe to {Action}")]
    private static partial void LogStripeUnreachable(ILogger logger, Exception exception, string action);
}

using Microsoft.AspNetCore.Http;
using Regentra.Billing.Contracts;
using Regentra.Framework.Errors;

namespace Regentra.Billing.StripeApi;

/// <summary>
/// A Stripe call that failed, already in our error contract: a key Stripe rejects or that lacks a permission is the
/// caller's to fix (400); Stripe unreachable, failing or refusing our request is a 502 with Stripe's own message.
/// </summary>
internal sealed class StripeCallException(StripeFailure failure, string message, string? stripeCode)
    : BusinessException(CodeFor(failure), message, StatusFor(failure))
{
    public StripeFailure Failure { get; } = failure;

    /// <summary>Stripe's own error code (e.g. resource_missing), when it gave one.</summary>
    public string? StripeCode { get; } = stripeCode;

    private static string CodeFor(StripeFailure failure) => failure switch
    {
        StripeFailure.InvalidKey => BillingErrorCodes.StripeInvalidKey,
        StripeFailure.PermissionDenied => BillingErrorCodes.StripePermissionDenied,
        StripeFailure.AmountTooSmall => BillingErrorCodes.CheckoutBelowMinimum,
        StripeFailure.Unavailable => BillingErrorCodes.StripeUnavailable,
        _ => BillingErrorCodes.StripeRefused,
    };

    private static int StatusFor(StripeFailure failure) => failure switch
    {
        StripeFailure.InvalidKey or StripeFailure.PermissionDenied => StatusCodes.Status400BadRequest,
        StripeFailure.AmountTooSmall => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status502BadGateway,
    };
}

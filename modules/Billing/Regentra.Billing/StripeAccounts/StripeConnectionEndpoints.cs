using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Payments;
using Regentra.Framework.Validation;

namespace Regentra.Billing.StripeAccounts;

/// <summary>/api/billing/stripe: Settings → Integrations → Stripe.</summary>
internal static class StripeConnectionEndpoints
{
    public static void Map(IEndpointRouteBuilder billing)
    {
        var stripe = billing.MapGroup("/stripe").RequireAuthorization(BillingPermissions.Stripe.Manage);
        stripe.MapGet("", GetAsync)
            .WithSummary("The Stripe connection: mode, account, the key's last 4 characters, the webhook URL and its status, the last test and the last webhook received. Never a secret.");
        stripe.MapPut("", ConnectAsync).Validate<ConnectStripeRequest>()
            .WithSummary("Connects the organisation's Stripe account: the keys are checked against Stripe and the webhook endpoint is registered in the account. " +
                "A key that may not create endpoints gets the URL and events to add by hand; connect again with the same keys and the endpoint's signing secret.");
        stripe.MapPost("/test", TestAsync)
            .WithSummary("Checks the stored key against Stripe again (and that the registered webhook endpoint still exists).");
        stripe.MapDelete("", DisconnectAsync)
            .WithSummary("Disconnects: deletes the registered webhook endpoint and expires open Checkout pages where the key allows, then forgets the keys.");
    }

    private static async Task<Ok<StripeConnectionDto>> GetAsync(StripeConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.GetAsync(cancellationToken));

    private static async Task<Ok<StripeConnectionDto>> ConnectAsync(ConnectStripeRequest request, StripeConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.ConnectAsync(request, cancellationToken));

    private static async Task<Ok<StripeConnectionDto>> TestAsync(StripeConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.TestAsync(cancellationToken));

    private static async Task<Ok<DisconnectStripeResponse>> DisconnectAsync(StripeConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.DisconnectAsync(cancellationToken));
}

internal sealed class ConnectStripeValidator : IValidator<ConnectStripeRequest>
{
    public void Validate(ConnectStripeRequest r, ValidationErrors errors) => StripeKeys.Check(r.PublishableKey, r.SecretKey, r.WebhookSigningSecret, errors);
}

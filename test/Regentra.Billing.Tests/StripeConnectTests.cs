using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.StripeAccounts;

namespace Regentra.Billing.Tests;

/// <summary>Settings → Integrations → Stripe: connecting checks the keys with Stripe and registers the webhook endpoint in the organisation's account.</summary>
public sealed class StripeConnectTests(StripeApp app) : IClassFixture<StripeApp>
{
    [Fact]
    public async Task Connecting_registers_the_webhook_endpoint_and_shows_no_secret()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync("Northwind IT");

        var status = await admin.ConnectStripeOkAsync(account);

        (status.Connected, status.Mode, status.AccountId, status.AccountName, status.KeyType, status.WebhookStatus)
            .ShouldBe((true, "Test", account.AccountId, "Northwind IT", "Secret", StripeWebhookStatus.Registered));
        status.SecretKeyLast4.ShouldBe(account.SecretKey[^4..]);
        status.PublishableKey.ShouldBe(account.PublishableKey);
        status.WebhookUrl!.ShouldStartWith($"{app.Url}/api/public/stripe/webhooks/");
        status.WebhookEvents.ShouldContain("checkout.session.completed");
        JsonSerializer.Serialize(status).ShouldNotContain(account.SecretKey);
        JsonSerializer.Serialize(status).ShouldNotContain("whsec_");
        (await admin.StripeStatusAsync()).ShouldBeEquivalentTo(status);

        var endpoints = await app.Stripe.StripeApiAsync(HttpMethod.Get, "/v1/webhook_endpoints", account.SecretKey);
        var endpoint = endpoints.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        endpoint.GetProperty("url").GetString().ShouldBe(status.WebhookUrl);
        endpoint.GetProperty("api_version").GetString().ShouldBe(Stripe.StripeConfiguration.ApiVersion);
        endpoint.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(status.WebhookEvents, ignoreOrder: true);
        status.WebhookEndpointId.ShouldBe(endpoint.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_secret_key_and_signing_secret_are_stored_encrypted()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();

        await admin.ConnectStripeOkAsync(account);

        var row = await app.QueryAsync(db => db.StripeConnections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.TenantId == admin.TenantId));
        row.SecretKeyProtected.ShouldNotContain("sk_");
        row.SecretKeyProtected.ShouldNotContain(account.SecretKey[8..]);
        row.WebhookSigningSecretProtected.ShouldNotBeNull().ShouldNotContain("whsec_");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StripeSecrets>().Unprotect(admin.TenantId, row.SecretKeyProtected).ShouldBe(account.SecretKey);
    }

    [Fact]
    public async Task A_key_Stripe_does_not_know_is_refused_and_nothing_is_saved()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.ConnectStripeAsync("pk_test_unknown123", "sk_test_unknown123");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe(BillingErrorCodes.StripeInvalidKey);
        problem.Detail!.ShouldContain("Invalid API Key");
        problem.Detail!.ShouldNotContain("sk_test_unknown123");
        (await admin.StripeStatusAsync()).Connected.ShouldBeFalse();
    }

    [Theory]
    [InlineData("publishable-as-secret", "secretKey")]
    [InlineData("mixed-modes", "secretKey")]
    [InlineData("secret-as-publishable", "publishableKey")]
    [InlineData("bad-signing-secret", "webhookSigningSecret")]
    public async Task Keys_that_cannot_be_right_are_refused_before_asking_Stripe(string mistake, string field)
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        var (publishable, secret, signing) = mistake switch
        {
            "publishable-as-secret" => (account.PublishableKey, account.PublishableKey, null),
            "mixed-modes" => (account.PublishableKey.Replace("_test_", "_live_", StringComparison.Ordinal), account.SecretKey, null),
            "secret-as-publishable" => (account.SecretKey, account.SecretKey, null),
            _ => (account.PublishableKey, account.SecretKey, "sk_test_notasecret"),
        };

        var response = await admin.ConnectStripeAsync(publishable, secret, signing);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        (await app.Stripe.RequestsAsync(account.AccountId)).ShouldBeEmpty();
        (await admin.StripeStatusAsync()).Connected.ShouldBeFalse();
    }

    [Fact]
    public async Task A_key_that_may_not_create_endpoints_gets_the_manual_steps_then_the_pasted_signing_secret_completes_them()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();

        var manual = await (await admin.ConnectStripeAsync(account.PublishableKey, account.RestrictedKey)).ReadAsync<StripeConnectionDto>();

        (manual.Connected, manual.KeyType, manual.WebhookStatus, manual.WebhookEndpointId).ShouldBe((true, "Restricted", StripeWebhookStatus.ManualSetupRequired, null));
        manual.SetupInstructions!.ShouldContain(manual.WebhookUrl!);
        manual.SetupInstructions!.ShouldContain(Stripe.StripeConfiguration.ApiVersion);

        // The admin adds the endpoint in Stripe's dashboard (here: with the account's full key) and pastes its secret.
        var endpoint = await app.Stripe.StripeApiAsync(HttpMethod.Post, "/v1/webhook_endpoints", account.SecretKey,
            [new("url", manual.WebhookUrl!), new("enabled_events[0]", "*"), new("api_version", Stripe.StripeConfiguration.ApiVersion)]);
        var completed = await (await admin.ConnectStripeAsync(account.PublishableKey, account.RestrictedKey, endpoint.GetProperty("secret").GetString()))
            .ReadAsync<StripeConnectionDto>();

        (completed.WebhookStatus, completed.WebhookUrl).ShouldBe((StripeWebhookStatus.Manual, manual.WebhookUrl));
        completed.SetupInstructions.ShouldBeNull();
    }

    [Fact]
    public async Task Until_the_signing_secret_is_pasted_no_Checkout_page_is_opened()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var account = await app.Stripe.CreateAccountAsync();
        await admin.ConnectStripeAsync(account.PublishableKey, account.RestrictedKey);
        var invoice = await admin.FebruarySentAsync(client.Id, 60);

        var refused = await app.CheckoutAsync(invoice.PayToken());

        (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.StripeNotConnected);
        (await app.PublicInvoiceAsync(invoice)).OnlinePaymentAvailable.ShouldBeFalse();
    }

    [Fact]
    public async Task Reconnecting_rotates_the_webhook_url_and_replaces_the_endpoint()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        var first = await admin.ConnectStripeOkAsync(account);

        var second = await admin.ConnectStripeOkAsync(account);

        second.WebhookUrl.ShouldNotBe(first.WebhookUrl);
        var endpoints = (await app.Stripe.StripeApiAsync(HttpMethod.Get, "/v1/webhook_endpoints", account.SecretKey)).GetProperty("data").EnumerateArray().ToList();
        endpoints.Select(e => e.GetProperty("url").GetString()).ShouldBe([second.WebhookUrl]);
        var old = await app.CreateClient().PostAsync(new Uri(first.WebhookUrl!).PathAndQuery, new StringContent("{}"));
        old.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Disconnecting_deletes_the_endpoint_and_forgets_the_keys()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        await admin.ConnectStripeOkAsync(account);

        var response = await (await admin.Client.DeleteAsync("/api/billing/stripe")).ReadAsync<DisconnectStripeResponse>();

        response.ShouldBe(new DisconnectStripeResponse(true, null));
        (await app.Stripe.StripeApiAsync(HttpMethod.Get, "/v1/webhook_endpoints", account.SecretKey)).GetProperty("data").GetArrayLength().ShouldBe(0);
        (await admin.StripeStatusAsync()).Connected.ShouldBeFalse();
        (await app.QueryAsync(db => db.StripeConnections.IgnoreQueryFilters().CountAsync(c => c.TenantId == admin.TenantId))).ShouldBe(0);
        (await (await admin.Client.DeleteAsync("/api/billing/stripe")).ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.StripeNotConnected);
    }

    [Fact]
    public async Task Testing_the_connection_again_records_when_and_notices_a_deleted_endpoint()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        var connected = await admin.ConnectStripeOkAsync(account);
        await app.Stripe.StripeApiAsync(HttpMethod.Delete, $"/v1/webhook_endpoints/{connected.WebhookEndpointId}", account.SecretKey);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var tested = await (await admin.Client.PostJsonAsync("/api/billing/stripe/test", null)).ReadAsync<StripeConnectionDto>();

        (tested.LastTestSucceeded, tested.LastTestedAt, tested.WebhookStatus).ShouldBe((true, app.Clock.GetUtcNow().UtcDateTime, StripeWebhookStatus.Missing));
        tested.SetupInstructions!.ShouldContain("Connect again");
    }

    [Fact]
    public async Task Stripe_being_unreachable_is_a_502_with_a_stable_code_and_changes_nothing()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        await app.Stripe.FaultAsync("/v1/account", 0, 3);

        var response = await admin.ConnectStripeAsync(account.PublishableKey, account.SecretKey);

        (await response.ReadProblemAsync(HttpStatusCode.BadGateway)).Code.ShouldBe(BillingErrorCodes.StripeUnavailable);
        (await admin.StripeStatusAsync()).Connected.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failing_test_is_a_clear_error_and_is_remembered()
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        await admin.ConnectStripeOkAsync(account);
        await app.Stripe.FaultAsync("/v1/account", 500, 3);

        var response = await admin.Client.PostJsonAsync("/api/billing/stripe/test", null);

        (await response.ReadProblemAsync(HttpStatusCode.BadGateway)).Code.ShouldBe(BillingErrorCodes.StripeUnavailable);
        var status = await admin.StripeStatusAsync();
        (status.Connected, status.LastTestSucceeded).ShouldBe((true, false));
        status.LastTestError!.ShouldContain("Stripe");
    }
}

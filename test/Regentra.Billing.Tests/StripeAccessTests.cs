using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;

namespace Regentra.Billing.Tests;

/// <summary>Only an organisation's admins see and change its Stripe connection, and never another organisation's.</summary>
public sealed class StripeAccessTests(StripeApp app) : IClassFixture<StripeApp>
{
    public static TheoryData<string, string> Calls()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in new[] { "GET", "PUT", "POST test", "DELETE" })
        {
            foreach (var role in new[] { "Manager", "Technician", "ReadOnly", "HostAdmin" })
            {
                data.Add(call, role);
            }
        }

        return data;
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string call, StandInAccount account) => call switch
    {
        "GET" => client.GetResponseAsync("/api/billing/stripe"),
        "PUT" => client.PutJsonAsync("/api/billing/stripe", new ConnectStripeRequest(account.PublishableKey, account.SecretKey)),
        "POST test" => client.PostJsonAsync("/api/billing/stripe/test", null),
        _ => client.DeleteAsync("/api/billing/stripe"),
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Only_admins_may_manage_Stripe(string call, string role)
    {
        var admin = await app.SignUpAsync();
        var account = await app.Stripe.CreateAccountAsync();
        var connected = await admin.ConnectStripeOkAsync(account);
        var caller = role == "HostAdmin" ? await app.SignInHostAdminAsync() : (await admin.AddMemberAsync(role)).Client;

        var response = await CallAsync(caller, call, account);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain(BillingPermissions.Stripe.Manage);
        (await admin.StripeStatusAsync()).ShouldBeEquivalentTo(connected);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("POST test")]
    [InlineData("DELETE")]
    public async Task Anonymous_callers_get_401(string call)
    {
        var response = await CallAsync(app.CreateClient(), call, new StandInAccount("acct_x", "pk_test_x1", "sk_test_x1", "rk_test_x1"));

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
    }

    [Fact]
    public async Task Another_organisations_connection_is_never_visible_nor_touched()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        var accountA = await app.Stripe.CreateAccountAsync("A's Stripe");
        var connectedA = await a.ConnectStripeOkAsync(accountA);

        var seenByB = await b.StripeStatusAsync();
        var disconnectByB = await b.Client.DeleteAsync("/api/billing/stripe");
        var testByB = await b.Client.PostJsonAsync("/api/billing/stripe/test", null);

        (seenByB.Connected, seenByB.AccountId, seenByB.WebhookUrl).ShouldBe((false, null, null));
        (await disconnectByB.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.StripeNotConnected);
        (await testByB.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.StripeNotConnected);
        (await a.StripeStatusAsync()).ShouldBeEquivalentTo(connectedA);

        var connectedB = await b.ConnectStripeOkAsync(await app.Stripe.CreateAccountAsync("B's Stripe"));
        connectedB.WebhookUrl.ShouldNotBe(connectedA.WebhookUrl);
        (await a.StripeStatusAsync()).AccountId.ShouldBe(accountA.AccountId);
    }

    [Fact]
    public async Task Two_organisations_on_one_Stripe_account_each_record_only_their_own_payments()
    {
        var (a, account, invoiceA) = await app.SentStripeInvoiceAsync();
        var (b, clientB) = await app.SignUpBillingAsync();
        await b.ConnectStripeOkAsync(account); // the same Stripe account: both endpoints get every event
        var invoiceB = await b.FebruarySentAsync(clientB.Id, 60);

        await app.PayOnStripeAsync(invoiceA);

        (await a.GetInvoiceAsync(invoiceA.Id)).Status.ShouldBe(InvoiceStatus.Paid);
        var untouched = await b.GetInvoiceAsync(invoiceB.Id);
        (untouched.Status, untouched.Payments.Count).ShouldBe((InvoiceStatus.Sent, 0));
        (await b.ListInvoicesAsync("flagged=true")).TotalCount.ShouldBe(0);
    }
}

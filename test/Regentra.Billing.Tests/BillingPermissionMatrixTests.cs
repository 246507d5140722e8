using System.Text.Json;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>Every agreement and invoice endpoint against every role, from the default grants (BillingPermissionDefinitionProvider).</summary>
public sealed class BillingPermissionMatrixTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    /// <summary>What an endpoint acts on: a client with a draft (with a manual line), a client with uninvoiced time, and a sent invoice.</summary>
    private sealed record Targets(TenantSession Admin, Guid ClientId, Guid FreshClientId, Guid DraftId, Guid LineId, Guid SentId);

    private sealed record Endpoint(HttpMethod Method, string Url, string Permission, HttpStatusCode Success, Func<Targets, object?>? Body = null)
    {
        public string UrlFor(Targets t) => Url
            .Replace("{client}", t.ClientId.ToString(), StringComparison.Ordinal)
            .Replace("{draft}", t.DraftId.ToString(), StringComparison.Ordinal)
            .Replace("{line}", t.LineId.ToString(), StringComparison.Ordinal)
            .Replace("{sent}", t.SentId.ToString(), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Endpoint> Endpoints = new[]
    {
        new Endpoint(HttpMethod.Get, "/api/billing/clients/{client}/agreement", BillingPermissions.Agreements.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/billing/clients/{client}/agreements", BillingPermissions.Agreements.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Put, "/api/billing/clients/{client}/agreement", BillingPermissions.Agreements.Manage, HttpStatusCode.OK, _ => Hourly(110m)),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/preview", BillingPermissions.Invoices.Generate, HttpStatusCode.OK,
            t => new InvoiceRequest(t.FreshClientId, Feb1, Mar1)),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices", BillingPermissions.Invoices.Generate, HttpStatusCode.Created,
            t => new InvoiceRequest(t.FreshClientId, Feb1, Mar1)),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/batch", BillingPermissions.Invoices.Generate, HttpStatusCode.OK,
            t => new BatchInvoiceRequest(Feb1, Mar1, [t.FreshClientId])),
        new Endpoint(HttpMethod.Get, "/api/billing/invoices", BillingPermissions.Invoices.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/billing/invoices/{sent}", BillingPermissions.Invoices.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/billing/invoices/{sent}/pdf", BillingPermissions.Invoices.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/billing/invoices/export.csv?from=2026-03-01&to=2026-04-01", BillingPermissions.Invoices.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/{draft}/lines", BillingPermissions.Invoices.Generate, HttpStatusCode.OK,
            _ => new AddInvoiceLineRequest("Extra cable", 1m, 10m)),
        new Endpoint(HttpMethod.Delete, "/api/billing/invoices/{draft}/lines/{line}", BillingPermissions.Invoices.Generate, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Delete, "/api/billing/invoices/{draft}", BillingPermissions.Invoices.Generate, HttpStatusCode.NoContent),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/{draft}/send", BillingPermissions.Invoices.Send, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/{sent}/void", BillingPermissions.Invoices.Void, HttpStatusCode.OK,
            _ => new VoidInvoiceRequest("Raised in error")),
        new Endpoint(HttpMethod.Post, "/api/billing/invoices/{sent}/payments", BillingPermissions.Payments, HttpStatusCode.OK,
            _ => new RecordPaymentRequest(10m, PsaApi.Monday, "Cash", null)),
    }.ToDictionary(e => $"{e.Method} {e.Url}");

    private static readonly string[] Everything =
    [
        BillingPermissions.Agreements.Default, BillingPermissions.Agreements.Manage, BillingPermissions.Invoices.Default,
        BillingPermissions.Invoices.Generate, BillingPermissions.Invoices.Send, BillingPermissions.Invoices.Void, BillingPermissions.Payments,
    ];

    private static readonly Dictionary<string, string[]> Grants = new()
    {
        ["Admin"] = Everything,
        ["Manager"] = Everything,
        ["ReadOnly"] = [BillingPermissions.Agreements.Default, BillingPermissions.Invoices.Default],
        ["Technician"] = [],
        ["HostAdmin"] = [],
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (name, endpoint) in Endpoints)
        {
            foreach (var (role, granted) in Grants)
            {
                data.Add(name, role, granted.Contains(endpoint.Permission));
            }
        }

        return data;
    }

    private async Task<Targets> ArrangeAsync()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var fresh = await admin.CreateBillingClientAsync();
        await admin.ApprovedFebruaryTimeAsync(fresh.Id, 60);
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        var withLine = await (await admin.AddLineAsync(draft.Id, "Cable", 1m, 5m)).ReadAsync<InvoiceDetailDto>();
        var sent = await admin.FebruarySentAsync((await admin.CreateBillingClientAsync()).Id, 60);
        return new Targets(admin, client.Id, fresh.Id, draft.Id, withLine.Lines[^1].Id!.Value, sent.Id);
    }

    /// <summary>Everything a billing call could change, as the admin sees it.</summary>
    private static async Task<string> SnapshotAsync(Targets t) => JsonSerializer.Serialize(new
    {
        Invoices = (await t.Admin.ListInvoicesAsync("take=100")).Items,
        Agreements = await t.Admin.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{t.ClientId}/agreements"),
        Draft = await t.Admin.GetInvoiceAsync(t.DraftId),
        Sent = await t.Admin.GetInvoiceAsync(t.SentId),
    }, Api.Json);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_call_exactly_the_billing_endpoints_its_permissions_allow(string endpointName, string role, bool allowed)
    {
        var endpoint = Endpoints[endpointName];
        var targets = await ArrangeAsync();
        var caller = role switch
        {
            "Admin" => targets.Admin.Client,
            "HostAdmin" => await app.SignInHostAdminAsync(),
            _ => (await targets.Admin.AddMemberAsync(role)).Client,
        };
        var before = await SnapshotAsync(targets);

        var response = await caller.CallAsync(endpoint.Method, endpoint.UrlFor(targets), endpoint.Body?.Invoke(targets));

        if (allowed)
        {
            await response.ShouldHaveStatusAsync(endpoint.Success);
            return;
        }

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain(endpoint.Permission);
        (await SnapshotAsync(targets)).ShouldBe(before);
    }

    public static TheoryData<string> EndpointNames => new(Endpoints.Keys);

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task Anonymous_callers_get_401_from_every_billing_endpoint(string endpointName)
    {
        var endpoint = Endpoints[endpointName];
        var url = endpoint.Url.Replace("{client}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{draft}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{line}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{sent}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await app.CreateClient().CallAsync(endpoint.Method, url, endpoint.Method == HttpMethod.Get ? null : new { });

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
    }
}

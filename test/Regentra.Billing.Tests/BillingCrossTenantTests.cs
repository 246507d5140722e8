using System.Text.Json;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>Two organisations side by side: no agreement or invoice of A is visible to, or changeable by, B.</summary>
public sealed class BillingCrossTenantTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private sealed record Books(TenantSession A, Guid AClient, Guid AFresh, InvoiceDetailDto ADraft, Guid ALine, InvoiceDetailDto ASent, TenantSession B);

    private async Task<Books> ArrangeAsync()
    {
        var (a, aClient) = await app.SignUpBillingAsync();
        await a.SetAgreementAsync(aClient.Id, Hourly(100m));
        var fresh = await a.CreateBillingClientAsync("Contoso");
        await a.ApprovedFebruaryTimeAsync(fresh.Id, 60);
        var draft = await a.FebruaryDraftAsync(aClient.Id, 60);
        var withLine = await (await a.AddLineAsync(draft.Id, "Cable", 1m, 5m)).ReadAsync<InvoiceDetailDto>();
        var sent = await a.FebruarySentAsync((await a.CreateBillingClientAsync("Fabrikam")).Id, 60);
        var (b, bClient) = await app.SignUpBillingAsync();
        await b.FebruarySentAsync(bClient.Id, 30);
        return new Books(a, aClient.Id, fresh.Id, withLine, withLine.Lines[^1].Id!.Value, sent, b);
    }

    private static async Task<string> SnapshotAsync(Books books) => JsonSerializer.Serialize(new
    {
        Invoices = (await books.A.ListInvoicesAsync("take=100")).Items,
        Agreements = await books.A.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{books.AClient}/agreements"),
        Draft = await books.A.GetInvoiceAsync(books.ADraft.Id),
        Sent = await books.A.GetInvoiceAsync(books.ASent.Id),
        Fresh = await books.A.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{books.AFresh}/agreements"),
    }, Api.Json);

    [Fact]
    public async Task Every_invoice_endpoint_answers_not_found_for_another_organisations_invoice()
    {
        var books = await ArrangeAsync();
        var before = await SnapshotAsync(books);
        var (b, draft, sent) = (books.B.Client, books.ADraft.Id, books.ASent.Id);

        var attempts = new[]
        {
            await b.CallAsync(HttpMethod.Get, $"/api/billing/invoices/{sent}"),
            await b.CallAsync(HttpMethod.Get, $"/api/billing/invoices/{draft}"),
            await b.CallAsync(HttpMethod.Get, $"/api/billing/invoices/{sent}/pdf"),
            await b.CallAsync(HttpMethod.Post, $"/api/billing/invoices/{draft}/lines", new AddInvoiceLineRequest("Sneaky", 1m, -5m)),
            await b.CallAsync(HttpMethod.Delete, $"/api/billing/invoices/{draft}/lines/{books.ALine}"),
            await b.CallAsync(HttpMethod.Delete, $"/api/billing/invoices/{draft}"),
            await b.CallAsync(HttpMethod.Post, $"/api/billing/invoices/{draft}/send"),
            await b.CallAsync(HttpMethod.Post, $"/api/billing/invoices/{sent}/send"),
            await b.CallAsync(HttpMethod.Post, $"/api/billing/invoices/{sent}/void", new VoidInvoiceRequest("Not ours")),
            await b.CallAsync(HttpMethod.Post, $"/api/billing/invoices/{sent}/payments", new RecordPaymentRequest(1m, PsaApi.Monday, "Cash", null)),
        };

        foreach (var response in attempts)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        (await SnapshotAsync(books)).ShouldBe(before);
        app.MailsTo(books.ASent.BillingEmail!).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Agreement_endpoints_answer_not_found_for_another_organisations_client()
    {
        var books = await ArrangeAsync();
        var before = await SnapshotAsync(books);

        var attempts = new[]
        {
            await books.B.Client.CallAsync(HttpMethod.Get, $"/api/billing/clients/{books.AClient}/agreement"),
            await books.B.Client.CallAsync(HttpMethod.Get, $"/api/billing/clients/{books.AClient}/agreements"),
            await books.B.PutAgreementAsync(books.AClient, Hourly(1m)),
            await books.B.PutAgreementAsync(books.AFresh, Monthly(1m)),
        };

        foreach (var response in attempts)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        (await SnapshotAsync(books)).ShouldBe(before);
    }

    [Fact]
    public async Task Lists_and_the_export_show_only_the_callers_own_invoices()
    {
        var books = await ArrangeAsync();

        var all = await books.B.ListInvoicesAsync("take=1000");
        var byAClient = await books.B.ListInvoicesAsync($"clientId={books.AClient}");
        var csv = await (await books.B.Client.GetResponseAsync("/api/billing/invoices/export.csv?from=2026-01-01&to=2027-01-01")).Content.ReadAsStringAsync();

        all.Items.ShouldHaveSingleItem().Total.ShouldBe(60m);
        all.TotalCount.ShouldBe(1);
        byAClient.TotalCount.ShouldBe(0);
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        csv.ShouldNotContain("Fabrikam");
        csv.ShouldContain(",60.00,");
    }

    [Fact]
    public async Task Another_organisations_client_cannot_be_previewed_generated_or_batched()
    {
        var books = await ArrangeAsync();
        var before = await SnapshotAsync(books);

        var preview = await books.B.PreviewAsync(books.AFresh);
        var generate = await books.B.GenerateAsync(books.AFresh);
        var batch = await (await books.B.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Mar1, [books.AFresh])))
            .ReadAsync<BatchInvoiceResponse>();
        var everyone = await (await books.B.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Mar1, null)))
            .ReadAsync<BatchInvoiceResponse>();

        foreach (var response in new[] { preview, generate })
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["clientId"]);
        }

        batch.Outcomes.ShouldHaveSingleItem().ShouldBe(new BatchOutcomeDto(books.AFresh, string.Empty, "Failed", null, "No such client."));
        everyone.Outcomes.ShouldBeEmpty();
        (await SnapshotAsync(books)).ShouldBe(before);
        (await books.A.PreviewOkAsync(books.AFresh)).Lines.ShouldHaveSingleItem().TimeEntryId.ShouldNotBeNull();
    }
}

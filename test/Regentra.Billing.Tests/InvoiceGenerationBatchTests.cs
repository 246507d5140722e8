using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /api/billing/invoices/batch: one outcome per client, Invoiced, Skipped with the reason, or Failed.</summary>
public sealed class InvoiceGenerationBatchTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static async Task<BatchInvoiceResponse> BatchAsync(TenantSession session, IReadOnlyList<Guid>? clientIds) =>
        await (await session.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Mar1, clientIds)))
            .ReadAsync<BatchInvoiceResponse>();

    [Fact]
    public async Task Named_clients_each_get_their_outcome()
    {
        var (admin, billable) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(billable.Id, 60);
        var invoiced = await admin.CreateBillingClientAsync();
        await admin.FebruaryDraftAsync(invoiced.Id, 30);
        var idle = await admin.CreateBillingClientAsync();
        var euro = await admin.CreateBillingClientAsync(currency: "EUR");
        await admin.ApprovedFebruaryTimeAsync(euro.Id, 60);
        var unknown = Guid.NewGuid();

        var batch = await BatchAsync(admin, [billable.Id, invoiced.Id, idle.Id, euro.Id, unknown]);

        batch.Outcomes.Select(o => (o.ClientId, o.Outcome)).ShouldBe(
            [(billable.Id, "Invoiced"), (invoiced.Id, "Skipped"), (idle.Id, "Skipped"), (euro.Id, "Failed"), (unknown, "Failed")]);
        (batch.Invoiced, batch.Skipped, batch.Failed).ShouldBe((1, 2, 2));
        var first = batch.Outcomes[0];
        (first.ClientName, first.Message).ShouldBe((billable.Name, null));
        (await admin.GetInvoiceAsync(first.InvoiceId!.Value)).Total.ShouldBe(120m);
        batch.Outcomes[1].Message!.ShouldContain("already has an invoice");
        batch.Outcomes[2].Message!.ShouldContain("Nothing to invoice");
        batch.Outcomes[3].Message!.ShouldContain("EUR");
        batch.Outcomes[4].Message.ShouldBe("No such client.");
        batch.Outcomes.Skip(1).ShouldAllBe(o => o.InvoiceId == null);
    }

    [Fact]
    public async Task Without_client_ids_every_active_client_with_an_agreement_or_billable_time_is_included()
    {
        var (admin, withTime) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(withTime.Id, 60);
        var withFee = await admin.CreateBillingClientAsync();
        await admin.SetAgreementAsync(withFee.Id, Monthly(300m));
        var agreementOnly = await admin.CreateBillingClientAsync();
        await admin.SetAgreementAsync(agreementOnly.Id, Hourly(100m));
        var unapprovedOnly = await admin.CreateBillingClientAsync();
        await admin.LogAsync(ClientTime(unapprovedOnly.Id, 60, Feb(3), submit: true));
        var nothing = await admin.CreateBillingClientAsync();
        var inactive = await admin.CreateBillingClientAsync();
        await admin.ApprovedFebruaryTimeAsync(inactive.Id, 60);
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{inactive.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var marchOnly = await admin.CreateBillingClientAsync();
        await admin.LogApprovedAsync(admin, ClientTime(marchOnly.Id, 60, Mar1));

        var batch = await BatchAsync(admin, null);

        batch.Outcomes.Select(o => (o.ClientId, o.Outcome)).ShouldBe(
            [(withTime.Id, "Invoiced"), (withFee.Id, "Invoiced"), (agreementOnly.Id, "Skipped")], ignoreOrder: true);
        (batch.Invoiced, batch.Skipped, batch.Failed).ShouldBe((2, 1, 0));
        (await admin.ListInvoicesAsync()).Items.Select(i => i.ClientId).ShouldBe([withTime.Id, withFee.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_named_inactive_client_is_still_invoiced()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{client.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var batch = await BatchAsync(admin, [client.Id]);

        batch.Outcomes.ShouldHaveSingleItem().Outcome.ShouldBe("Invoiced");
    }

    [Fact]
    public async Task Running_the_batch_twice_skips_what_the_first_run_invoiced()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await BatchAsync(admin, null);

        var second = await BatchAsync(admin, null);

        (second.Invoiced, second.Skipped, second.Failed).ShouldBe((0, 0, 0));
        second.Outcomes.ShouldBeEmpty(); // its time is invoiced and it has no agreement: nothing brings it back in
        (await admin.ListInvoicesAsync()).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_needs_a_period_and_distinct_client_ids()
    {
        var admin = await app.SignUpAsync();
        var id = Guid.NewGuid();

        var responses = new[]
        {
            (await admin.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(null, Mar1, null)), "from"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Feb1, null)), "to"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Mar1, [])), "clientIds"),
            (await admin.Client.PostJsonAsync("/api/billing/invoices/batch", new BatchInvoiceRequest(Feb1, Mar1, [id, id])), "clientIds"),
        };

        foreach (var (response, field) in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }
    }
}

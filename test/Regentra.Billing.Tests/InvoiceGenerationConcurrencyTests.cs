using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>Simultaneous generation for one client: one invoice, every entry on at most one invoice.</summary>
public sealed class InvoiceGenerationConcurrencyTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Six_simultaneous_requests_for_the_same_client_and_period_make_exactly_one_invoice()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entries = await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 30, 45, 15);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.GenerateAsync(client.Id)));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var invoice = await created.ShouldHaveSingleItem().ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created);
        foreach (var refused in responses.Except(created))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.PeriodAlreadyInvoiced);
        }

        invoice.Lines.Select(l => l.TimeEntryId!.Value).ShouldBe(entries.Select(e => e.Id), ignoreOrder: true);
        (await admin.ListInvoicesAsync($"clientId={client.Id}")).TotalCount.ShouldBe(1);
        foreach (var entry in entries)
        {
            (await admin.GetEntryAsync(entry.Id)).InvoiceId.ShouldBe(invoice.Id);
        }
    }

    [Fact]
    public async Task Simultaneous_requests_for_overlapping_periods_make_one_invoice_and_bill_each_entry_once()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entries = await admin.LogApprovedAsync(admin, [.. Enumerable.Range(2, 26).Select(d => ClientTime(client.Id, 30, Feb(d)))]);
        (DateOnly From, DateOnly To)[] periods = [(Feb1, Mar1), (Feb1, Feb(13)), (Feb(12), Mar1), (Feb(5), Feb(20)), (Feb(10), Feb(14)), (Feb(12), Feb(13))];

        var responses = await Task.WhenAll(periods.Select(p => admin.GenerateAsync(client.Id, p.From, p.To)));

        var invoices = new List<InvoiceDetailDto>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                invoices.Add(await response.ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created));
            }
            else
            {
                (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.PeriodAlreadyInvoiced);
            }
        }

        var invoice = invoices.ShouldHaveSingleItem(); // every two of these periods overlap
        var billed = invoice.Lines.Select(l => l.TimeEntryId!.Value).ToList();
        billed.ShouldBeUnique();
        foreach (var entry in entries)
        {
            var inPeriod = entry.WorkDate >= invoice.PeriodStart && entry.WorkDate < invoice.PeriodEnd;
            (await admin.GetEntryAsync(entry.Id)).InvoiceId.ShouldBe(inPeriod ? invoice.Id : null);
            billed.Contains(entry.Id).ShouldBe(inPeriod);
        }
    }

    [Fact]
    public async Task Simultaneous_requests_for_different_clients_all_succeed()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var clients = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var client = await admin.CreateBillingClientAsync();
            await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, Feb(i + 2)));
            clients.Add(client.Id);
        }

        var responses = await Task.WhenAll(clients.Select(id => admin.GenerateAsync(id)));

        foreach (var response in responses)
        {
            (await response.ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created)).Total.ShouldBe(120m);
        }

        (await admin.ListInvoicesAsync()).Items.Select(i => i.ClientId).ShouldBe(clients, ignoreOrder: true);
    }
}

using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>POST /api/billing/invoices: a draft from the period's time, which it locks; a client's period is invoiced once.</summary>
public sealed class InvoiceGenerationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Generating_creates_a_draft_with_the_previewed_lines_and_totals()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(90m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 45);
        var preview = await admin.PreviewOkAsync(client.Id);

        var response = await admin.GenerateAsync(client.Id);

        var invoice = await response.ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/billing/invoices/{invoice.Id}");
        (invoice.Status, invoice.Number, invoice.IssueDate, invoice.DueDate, invoice.PayUrl).ShouldBe((InvoiceStatus.Draft, null, null, null, null));
        (invoice.ClientId, invoice.ClientName, invoice.BillingEmail, invoice.PeriodStart, invoice.PeriodEnd).ShouldBe(
            (client.Id, client.Name, client.BillingEmail, Feb1, Mar1));
        invoice.Lines.Select(l => l with { Id = null }).ShouldBe(preview.Lines);
        invoice.Lines.ShouldAllBe(l => l.Id != null);
        (invoice.Subtotal, invoice.TaxRatePercent, invoice.Tax, invoice.Total, invoice.Paid, invoice.Balance).ShouldBe((157.5m, 20m, 31.5m, 189m, 0m, 189m));
        (await admin.GetInvoiceAsync(invoice.Id)).ShouldBeEquivalentInvoice(invoice);
    }

    [Fact]
    public async Task The_invoiced_entries_show_the_invoice_and_are_locked_against_edits_and_reopening()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entry = (await admin.ApprovedFebruaryTimeAsync(client.Id, 60)).Single();

        var invoice = await admin.GenerateOkAsync(client.Id);

        var locked = await admin.GetEntryAsync(entry.Id);
        (locked.InvoiceId, locked.Status).ShouldBe((invoice.Id, TimeEntryStatus.Approved));
        var refused = new[]
        {
            await admin.Client.PostJsonAsync($"/api/psa/time-entries/{entry.Id}/reopen", null),
            await admin.Client.PutJsonAsync($"/api/psa/time-entries/{entry.Id}",
                new UpdateTimeEntryRequest(null, client.Id, Feb(2), 600, "Padded", true, locked.ConcurrencyStamp)),
            await admin.Client.DeleteAsync(new Uri($"/api/psa/time-entries/{entry.Id}", UriKind.Relative)),
        };
        foreach (var response in refused)
        {
            (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.TimeEntryInvoiced);
        }

        (await admin.GetEntryAsync(entry.Id)).ShouldBe(locked);
    }

    [Fact]
    public async Task Time_covered_by_a_fee_is_locked_to_the_invoice_too()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(500m));
        var entries = await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 30);

        var invoice = await admin.GenerateOkAsync(client.Id);

        invoice.CoveredHours.ShouldBe(1.5m);
        foreach (var entry in entries)
        {
            (await admin.GetEntryAsync(entry.Id)).InvoiceId.ShouldBe(invoice.Id);
        }
    }

    [Fact]
    public async Task The_same_client_and_an_overlapping_period_cannot_be_invoiced_twice()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, Feb(10)), ClientTime(client.Id, 60, Mar1));
        var first = await admin.GenerateOkAsync(client.Id);

        var again = await admin.GenerateAsync(client.Id);
        var overlapping = await admin.GenerateAsync(client.Id, Feb(28), new DateOnly(2026, 3, 8));
        var next = await admin.GenerateAsync(client.Id, Mar1, new DateOnly(2026, 3, 8));

        foreach (var response in new[] { again, overlapping })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Code.ShouldBe(BillingErrorCodes.PeriodAlreadyInvoiced);
            problem.Detail!.ShouldContain($"draft {first.Id}");
        }

        await next.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await admin.ListInvoicesAsync($"clientId={client.Id}")).TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Another_client_may_be_invoiced_for_the_same_period()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var other = await admin.CreateBillingClientAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await admin.ApprovedFebruaryTimeAsync(other.Id, 30);
        await admin.GenerateOkAsync(client.Id);

        var invoice = await admin.GenerateOkAsync(other.Id);

        (invoice.ClientId, invoice.Subtotal).ShouldBe((other.Id, 50m));
    }

    [Fact]
    public async Task After_voiding_the_first_invoice_its_period_and_time_can_be_invoiced_again()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.FebruarySentAsync(client.Id, 60);
        var entry = first.Lines.Single();
        await (await admin.VoidAsync(first.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var second = await admin.GenerateOkAsync(client.Id);

        second.Lines.Select(l => l.TimeEntryId).ShouldBe([entry.TimeEntryId]);
        (await admin.GetEntryAsync(entry.TimeEntryId!.Value)).InvoiceId.ShouldBe(second.Id);
    }

    [Fact]
    public async Task An_entry_reopened_between_preview_and_generate_is_not_billed()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var entries = await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 30);
        var preview = await admin.PreviewOkAsync(client.Id);
        var reopened = await (await admin.Client.PostJsonAsync($"/api/psa/time-entries/{entries[0].Id}/reopen", null)).ReadAsync<TimeEntryDto>();

        var invoice = await admin.GenerateOkAsync(client.Id);

        preview.Lines.Count.ShouldBe(2);
        invoice.Lines.Select(l => l.TimeEntryId).ShouldBe([entries[1].Id]);
        invoice.Subtotal.ShouldBe(50m);
        invoice.Warnings.Single(w => w.Code == "NotApproved").Count.ShouldBe(1);
        (await admin.GetEntryAsync(entries[0].Id)).ShouldSatisfyAllConditions(
            e => e.InvoiceId.ShouldBeNull(), e => e.Status.ShouldBe(TimeEntryStatus.Submitted), e => e.ShouldBe(reopened));
    }

    [Fact]
    public async Task Nothing_to_invoice_is_refused_as_empty_and_writes_nothing()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.LogAsync(ClientTime(client.Id, 60, Feb(10), submit: true));

        var response = await admin.GenerateAsync(client.Id);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(BillingErrorCodes.EmptyInvoice);
        problem.Detail!.ShouldContain("not approved");
        (await admin.ListInvoicesAsync()).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_monthly_fee_alone_is_enough_to_invoice()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(400m));

        var invoice = await admin.GenerateOkAsync(client.Id);

        (invoice.Lines.Single().Kind, invoice.Total).ShouldBe((InvoiceLineKind.Fee, 480m));
    }
}

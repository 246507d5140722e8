using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Psa.Contracts.Clients;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>The warnings of a preview: time left out, default rates, covered time, earlier invoices, missing email, a zero total.</summary>
public sealed class InvoicePreviewWarningTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static InvoiceWarningDto Warning(InvoicePreviewDto preview, string code) =>
        preview.Warnings.SingleOrDefault(w => w.Code == code) ?? throw new ShouldAssertException(
            $"No {code} warning; the preview warned: {string.Join(", ", preview.Warnings.Select(w => w.Code))}.");

    [Fact]
    public async Task Billable_time_that_is_draft_submitted_or_rejected_is_counted_as_not_approved()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await admin.LogAsync(ClientTime(client.Id, 60, Feb(10)));
        await admin.LogAsync(ClientTime(client.Id, 30, Feb(11), submit: true));
        await admin.LogRejectedAsync(admin, ClientTime(client.Id, 45, Feb(12)));

        var preview = await admin.PreviewOkAsync(client.Id);

        var warning = Warning(preview, "NotApproved");
        (warning.Count, warning.Hours).ShouldBe((3, 2.25m));
        warning.Message.ShouldContain("not approved");
        preview.Lines.Count.ShouldBe(1);
        preview.Warnings.Select(w => w.Code).ShouldBe(["NotApproved"]);
    }

    [Fact]
    public async Task Non_billable_time_is_counted_and_not_charged()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 90, Feb(10), billable: false));
        await admin.LogAsync(ClientTime(client.Id, 30, Feb(11), billable: false));

        var preview = await admin.PreviewOkAsync(client.Id);

        var warning = Warning(preview, "NonBillable");
        (warning.Count, warning.Hours).ShouldBe((2, 2m));
        preview.Subtotal.ShouldBe(100m);
    }

    [Fact]
    public async Task Time_without_an_agreement_warns_that_the_default_rate_was_used()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60, 30);

        var preview = await admin.PreviewOkAsync(client.Id);

        var warning = Warning(preview, "NoAgreement");
        (warning.Count, warning.Hours).ShouldBe((2, 1.5m));
        warning.Message.ShouldContain("100.00 USD");
        preview.Total.ShouldBe(180m);
    }

    [Fact]
    public async Task An_agreement_starting_mid_period_leaves_the_earlier_days_at_the_default_rate_with_a_warning()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(150m, from: Feb(15)));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, Feb(14)), ClientTime(client.Id, 60, Feb(15)));

        var preview = await admin.PreviewOkAsync(client.Id);

        (Warning(preview, "NoAgreement").Count, Warning(preview, "NoAgreement").Hours).ShouldBe((1, 1m));
        preview.Lines.Select(l => l.UnitPrice).ShouldBe([100m, 150m]);
    }

    [Fact]
    public async Task Time_covered_by_a_monthly_fee_is_reported_and_not_charged_line_by_line()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(1500m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 120, 45);

        var preview = await admin.PreviewOkAsync(client.Id);

        Warning(preview, "CoveredByFee").Hours.ShouldBe(2.75m);
        preview.CoveredHours.ShouldBe(2.75m);
        preview.Lines.Select(l => l.Kind).ShouldBe([InvoiceLineKind.Fee]);
        preview.Warnings.Select(w => w.Code).ShouldBe(["CoveredByFee"]);
    }

    [Fact]
    public async Task A_period_that_overlaps_an_invoice_warns_already_invoiced()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);
        await admin.GenerateOkAsync(client.Id, Feb1, Feb(15));

        var preview = await admin.PreviewOkAsync(client.Id, Feb(10), Mar1);

        var warning = Warning(preview, "AlreadyInvoiced");
        warning.Count.ShouldBe(1);
        warning.Message.ShouldContain("Void it first");
        preview.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_client_without_a_billing_email_is_warned_about_before_sending()
    {
        var admin = await app.SignUpAsync();
        await admin.ConfigureBillingAsync();
        var client = await admin.CreateBillingClientAsync(withEmail: false);
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Warnings.Select(w => w.Code).ShouldBe(["NoBillingEmail"]);
    }

    [Fact]
    public async Task A_zero_total_explains_that_nothing_is_approved()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.LogAsync(ClientTime(client.Id, 60, Feb(10), submit: true));

        var preview = await admin.PreviewOkAsync(client.Id);

        Warning(preview, "ZeroTotal").Message.ShouldBe(
            "The total is 0 because there is no approved billable time in the period; 1 billable entries are not approved yet.");
        (preview.Lines.Count, preview.Total).ShouldBe((0, 0m));
    }

    [Fact]
    public async Task A_zero_total_explains_that_the_time_is_not_billable()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(100m));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, Feb(10), billable: false));

        var preview = await admin.PreviewOkAsync(client.Id);

        Warning(preview, "ZeroTotal").Message.ShouldBe(
            "The total is 0 because there is no approved billable time in the period; 1 entries are marked non-billable.");
    }

    [Fact]
    public async Task A_zero_total_explains_that_the_time_is_covered_by_a_fixed_fee()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(0m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 60);

        var preview = await admin.PreviewOkAsync(client.Id);

        Warning(preview, "ZeroTotal").Message.ShouldBe("The total is 0 because the time is covered by a fixed monthly fee; a rate or fee is 0.");
    }

    [Fact]
    public async Task A_client_in_another_currency_without_an_agreement_has_no_rate_and_cannot_be_invoiced()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var euroClient = await admin.CreateBillingClientAsync(currency: "EUR");
        await admin.ApprovedFebruaryTimeAsync(euroClient.Id, 60);

        var preview = await admin.PreviewOkAsync(euroClient.Id);
        var generate = await admin.GenerateAsync(euroClient.Id);

        Warning(preview, "NoRateForCurrency").Message.ShouldContain("EUR");
        (preview.Currency, preview.Lines.Count).ShouldBe(("EUR", 0));

        // Nothing may claim the time bills at the default rate, or that no approved time exists: it exists, unpriced.
        preview.Warnings.Select(w => w.Code).ShouldBe(["NoRateForCurrency"]);
        (await generate.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(BillingErrorCodes.NoRateForCurrency);
        (await admin.ListInvoicesAsync()).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_agreement_in_the_clients_currency_prices_its_time_without_a_currency_warning()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var euroClient = await admin.CreateBillingClientAsync(currency: "EUR");
        await admin.SetAgreementAsync(euroClient.Id, Hourly(90m));
        await admin.ApprovedFebruaryTimeAsync(euroClient.Id, 60);

        var preview = await admin.PreviewOkAsync(euroClient.Id);

        (preview.Currency, preview.Subtotal, preview.Warnings.Count).ShouldBe(("EUR", 90m, 0));
    }

    [Fact]
    public async Task A_client_whose_currency_changed_after_its_agreement_is_not_priced_with_the_old_currencys_numbers()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Hourly(90m));
        var entry = (await admin.ApprovedFebruaryTimeAsync(client.Id, 60)).Single();
        var current = await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}");
        await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}", new UpdateClientRequest(
            current.Name, current.BillingEmail, current.Address, "EUR", null, current.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var preview = await admin.PreviewOkAsync(client.Id);
        var generate = await admin.GenerateAsync(client.Id);

        Warning(preview, "AgreementCurrencyMismatch").Message.ShouldContain("priced in USD but the client is now billed in EUR");
        var problem = await generate.ReadProblemAsync(HttpStatusCode.Conflict);
        (problem.Code, problem.Detail).ShouldBe((BillingErrorCodes.AgreementCurrencyMismatch, Warning(preview, "AgreementCurrencyMismatch").Message));
        (await admin.ListInvoicesAsync()).TotalCount.ShouldBe(0);
        (await admin.GetEntryAsync(entry.Id)).InvoiceId.ShouldBeNull();
    }
}

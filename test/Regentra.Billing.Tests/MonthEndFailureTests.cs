using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Psa.Contracts.Clients;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>A client that cannot be invoiced or sent is recorded as Failed with its error; the run goes on with the others.</summary>
public sealed class MonthEndFailureTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    /// <summary>
    /// In name order: Alpha (fine), Euro (EUR, time before its agreement starts: no rate), Mute (autoSend, no billing
    /// email: sending fails), Zulu (fine, sent). The failures sit between clients that must still be invoiced.
    /// </summary>
    private async Task<(TenantSession Manager, Guid Alpha, Guid Euro, Guid Mute, Guid Zulu)> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var alpha = await admin.AutoInvoicedClientAsync("Alpha Fine", $"alpha-fine@{admin.Slug}.test");
        var euro = await admin.CreateClientWithEmailAsync("Euro GmbH", $"euro@{admin.Slug}.test", "EUR");
        await admin.PutHourlyAgreementAsync(euro.Id, autoInvoice: true, hourlyRate: 90m, from: Feb(15));
        var mute = await admin.AutoInvoicedClientAsync("Mute Ltd", billingEmail: null, autoSend: true);
        var zulu = await admin.AutoInvoicedClientAsync("Zulu Fine", $"zulu-fine@{admin.Slug}.test", autoSend: true);
        await admin.LogApprovedAsync(manager,
            ClientTime(alpha.Id, 60, Feb(2)), ClientTime(euro.Id, 60, Feb(3)), ClientTime(euro.Id, 60, Feb(20)),
            ClientTime(mute.Id, 60, Feb(4)), ClientTime(zulu.Id, 60, Feb(5)));
        return (manager, alpha.Id, euro.Id, mute.Id, zulu.Id);
    }

    [Fact]
    public async Task A_failing_client_is_recorded_with_its_error_and_the_clients_after_it_are_still_invoiced()
    {
        var (manager, alpha, euro, mute, zulu) = await ArrangeAsync();

        var run = await manager.RunMonthAsync(2026, 2);

        run.Run.Status.ShouldBe(BillingRunStatus.CompletedWithErrors);
        run.Run.Error.ShouldBeNull();
        run.Run.Counts().ShouldBe((4, 2, 1, 0, 2));
        run.Items.Select(i => (i.ClientName, i.Outcome)).ShouldBe(
            [("Alpha Fine", "Invoiced"), ("Euro GmbH", "Failed"), ("Mute Ltd", "Failed"), ("Zulu Fine", "Invoiced")]);
        run.ItemOf(euro).Message!.ShouldContain("billed in EUR");
        run.ItemOf(mute).Message!.ShouldContain("has no billing email");
        (await manager.InvoicesOfAsync(euro)).ShouldBeEmpty();
        (await manager.InvoicesOfAsync(alpha)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
        (await manager.InvoicesOfAsync(zulu)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Sent);
        app.SentTo($"zulu-fine@{manager.Slug}.test").ShouldHaveSingleItem();

        // Mute's invoice was generated before sending failed: it waits as a draft, unnumbered, for a billing email.
        var unsent = (await manager.InvoicesOfAsync(mute)).ShouldHaveSingleItem();
        (unsent.Status, unsent.Number).ShouldBe((InvoiceStatus.Draft, null));
        run.ItemOf(mute).InvoiceId.ShouldBe(unsent.Id);
        run.ItemOf(mute).Message!.ShouldStartWith("Invoiced but not sent:");
    }

    [Fact]
    public async Task A_client_that_failed_is_invoiced_by_the_next_run_once_its_problem_is_fixed()
    {
        var (manager, alpha, euro, mute, _) = await ArrangeAsync();
        var first = await manager.RunMonthAsync(2026, 2);
        await manager.PutHourlyAgreementAsync(euro, autoInvoice: true, hourlyRate: 90m, from: Feb(1), to: Feb(15));
        var muteClient = await manager.Client.GetAsync<ClientDto>($"/api/psa/clients/{mute}");
        await (await manager.Client.PutJsonAsync($"/api/psa/clients/{mute}", new UpdateClientRequest(
            muteClient.Name, $"mute@{manager.Slug}.test", muteClient.Address, muteClient.Currency, null, muteClient.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var second = await manager.RunMonthAsync(2026, 2);

        first.ItemOf(euro).Outcome.ShouldBe("Failed");
        second.ItemOf(euro).Outcome.ShouldBe("Invoiced");
        second.ItemOf(alpha).Outcome.ShouldBe("Skipped");
        var invoice = (await manager.InvoicesOfAsync(euro)).ShouldHaveSingleItem();
        (invoice.Id, invoice.Currency, invoice.Total).ShouldBe((second.ItemOf(euro).InvoiceId!.Value, "EUR", 180m));

        // Mute's draft from the first run, which could not be sent then, goes out now that the client has a billing email.
        var muteItem = second.ItemOf(mute);
        (muteItem.Outcome, muteItem.Sent, muteItem.InvoiceId).ShouldBe(("Invoiced", true, first.ItemOf(mute).InvoiceId));
        muteItem.Message!.ShouldContain("earlier run");
        (await manager.InvoicesOfAsync(mute)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Sent);
        app.SentTo($"mute@{manager.Slug}.test").ShouldHaveSingleItem();
    }
}

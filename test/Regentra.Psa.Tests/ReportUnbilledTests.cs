using Regentra.Psa.Contracts.Reports;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/reports/unbilled: approved, billable, not yet invoiced time per client.</summary>
public sealed class ReportUnbilledTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static DateOnly Day(int month, int day) => new(2026, month, day);

    /// <summary>
    /// Unbilled: Acme 90 (Feb 24, ticket) + 30 (Mar 3, client); Globex 45 (Mar 2). Everything else is not:
    /// non-billable, submitted, draft, rejected, invoiced, or internal.
    /// </summary>
    private async Task<(TenantSession Manager, Guid Acme, Guid Globex)> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var acme = await admin.CreateClientAsync("Acme");
        var globex = await admin.CreateClientAsync("Globex");
        var initech = await admin.CreateClientAsync("Initech");
        var ticket = await technician.CreateTicketAsync(acme.Id);

        await technician.LogApprovedAsync(manager,
            TicketTime(ticket.Id, 90, Day(2, 24)), ClientTime(acme.Id, 30, Day(3, 3)), ClientTime(globex.Id, 45, Day(3, 2)),
            ClientTime(globex.Id, 60, Day(3, 2), billable: false), InternalTime(60, Day(3, 2)));
        await technician.LogAsync(ClientTime(globex.Id, 60, Day(3, 3), submit: true));
        await technician.LogAsync(TicketTime(ticket.Id, 60, Day(3, 3)));
        await technician.LogRejectedAsync(manager, ClientTime(initech.Id, 60, Day(3, 4)));
        var invoiced = await technician.LogApprovedAsync(manager, ClientTime(initech.Id, 120, Day(3, 4)));
        await app.MarkInvoicedAsync(admin.TenantId, invoiced[0].Id);
        return (manager, acme.Id, globex.Id);
    }

    private static Task<UnbilledReportDto> UnbilledAsync(TenantSession session, string query = "") =>
        session.Client.GetAsync<UnbilledReportDto>($"/api/psa/reports/unbilled?{query}");

    [Fact]
    public async Task Only_approved_billable_time_not_yet_invoiced_is_unbilled_largest_client_first()
    {
        var (manager, acme, globex) = await ArrangeAsync();

        var report = await UnbilledAsync(manager);

        report.Clients.ShouldBe(
        [
            new UnbilledClientDto(acme, "Acme", 2, 2m, Day(2, 24), Day(3, 3)),
            new UnbilledClientDto(globex, "Globex", 1, 0.75m, Day(3, 2), Day(3, 2)),
        ]);
        (report.EntryCount, report.Hours).ShouldBe((3, 2.75m));
    }

    [Fact]
    public async Task A_period_keeps_only_work_dates_from_its_start_up_to_its_end()
    {
        var (manager, acme, globex) = await ArrangeAsync();

        var march = await UnbilledAsync(manager, "from=2026-03-01&to=2026-03-04");
        var fromOnly = await UnbilledAsync(manager, "from=2026-03-03");
        var toOnly = await UnbilledAsync(manager, "to=2026-03-03");

        march.Clients.Select(c => (c.ClientId, c.EntryCount, c.Hours)).ShouldBe([(globex, 1, 0.75m), (acme, 1, 0.5m)]);
        fromOnly.Clients.Select(c => (c.ClientId, c.EntryCount, c.Hours)).ShouldBe([(acme, 1, 0.5m)]);
        toOnly.Clients.Select(c => (c.ClientId, c.EntryCount, c.Hours)).ShouldBe([(acme, 1, 1.5m), (globex, 1, 0.75m)]);
        (toOnly.EntryCount, toOnly.Hours).ShouldBe((2, 2.25m));
    }

    [Fact]
    public async Task An_organisation_without_approved_time_has_nothing_unbilled()
    {
        var admin = await app.SignUpAsync();
        await admin.LogAsync(ClientTime((await admin.CreateClientAsync()).Id, 60, submit: true));

        var report = await UnbilledAsync(admin);

        report.Clients.ShouldBeEmpty();
        (report.EntryCount, report.Hours).ShouldBe((0, 0m));
    }

    [Theory]
    [InlineData("from=2026-03-02&to=2026-03-02")]
    [InlineData("from=2026-03-02&to=2026-02-01")]
    public async Task A_period_that_ends_before_it_starts_is_a_validation_error(string query)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/reports/unbilled?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["to"]);
    }
}

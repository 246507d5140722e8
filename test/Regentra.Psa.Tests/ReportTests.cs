using Regentra.Psa.Contracts.Reports;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/reports/utilization: grouping, the period, statuses, rounding and the total row.</summary>
public sealed class ReportTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string Period = "from=2026-03-02&to=2026-03-07";

    private static DateOnly Day(int month, int day) => new(2026, month, day);

    /// <summary>
    /// Tina: 100 min ticket (Acme, approved), 30 client non-billable (Globex, submitted), 20 internal (submitted),
    /// 45 ticket draft, 15 Acme non-billable rejected, plus 120 approved before the period and 25 submitted on its
    /// exclusive end. Bob: 50 Acme billable (approved).
    /// </summary>
    private async Task<(TenantSession Manager, Guid Acme, Guid Globex, Guid Tina, Guid Bob)> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var tina = await admin.AddMemberAsync("Technician", "Tina Tech");
        var bob = await admin.AddMemberAsync("Technician", "Bob Tech");
        var acme = await admin.CreateClientAsync("Acme");
        var globex = await admin.CreateClientAsync("Globex");
        var ticket = await tina.CreateTicketAsync(acme.Id);

        await tina.LogApprovedAsync(manager, TicketTime(ticket.Id, 100, Day(3, 2)), TicketTime(ticket.Id, 120, Day(2, 27)));
        await tina.LogAsync(ClientTime(globex.Id, 30, Day(3, 3), submit: true, billable: false));
        await tina.LogAsync(InternalTime(20, Day(3, 4), submit: true));
        await tina.LogAsync(TicketTime(ticket.Id, 45, Day(3, 2)));
        await tina.LogRejectedAsync(manager, ClientTime(acme.Id, 15, Day(3, 3), billable: false));
        await tina.LogAsync(TicketTime(ticket.Id, 25, Day(3, 7), submit: true));
        await bob.LogApprovedAsync(manager, ClientTime(acme.Id, 50, Day(3, 5)));
        return (manager, acme.Id, globex.Id, tina.UserId, bob.UserId);
    }

    private static Task<UtilizationReportDto> UtilizationAsync(TenantSession session, string query) =>
        session.Client.GetAsync<UtilizationReportDto>($"/api/psa/reports/utilization?{query}");

    private static (Guid?, string, decimal, decimal, decimal, decimal) Cells(UtilizationRowDto r) =>
        (r.Key, r.Name, r.TotalHours, r.BillableHours, r.NonBillableHours, r.UtilizationPercent);

    [Fact]
    public async Task Utilisation_by_technician_counts_submitted_and_approved_time_in_the_period()
    {
        var (manager, _, _, tina, bob) = await ArrangeAsync();

        var report = await UtilizationAsync(manager, Period);

        (report.From, report.To, report.GroupBy).ShouldBe((Day(3, 2), Day(3, 7), "technician"));
        report.Statuses.ShouldBe(["Submitted", "Approved"], ignoreOrder: true);
        report.Rows.Select(Cells).ShouldBe(
        [
            (bob, "Bob Tech", 0.83m, 0.83m, 0m, 100.0m),
            (tina, "Tina Tech", 2.5m, 1.67m, 0.83m, 66.7m),
        ]);
        Cells(report.Total).ShouldBe((null, "Total", 3.33m, 2.5m, 0.83m, 75.0m));
    }

    [Fact]
    public async Task Utilisation_by_client_puts_internal_time_last_under_its_own_row()
    {
        var (manager, acme, globex, _, _) = await ArrangeAsync();

        var report = await UtilizationAsync(manager, $"{Period}&groupBy=Client");

        report.GroupBy.ShouldBe("client");
        report.Rows.Select(Cells).ShouldBe(
        [
            (acme, "Acme", 2.5m, 2.5m, 0m, 100.0m),
            (globex, "Globex", 0.5m, 0m, 0.5m, 0m),
            (null, "Internal (no client)", 0.33m, 0m, 0.33m, 0m),
        ]);
        Cells(report.Total).ShouldBe((null, "Total", 3.33m, 2.5m, 0.83m, 75.0m));
    }

    [Fact]
    public async Task The_statuses_parameter_chooses_which_time_counts()
    {
        var (manager, _, _, tina, bob) = await ArrangeAsync();

        var unfinished = await UtilizationAsync(manager, $"{Period}&statuses=draft,%20Rejected");
        var approved = await UtilizationAsync(manager, $"{Period}&statuses=Approved");

        unfinished.Statuses.ShouldBe(["Draft", "Rejected"]);
        unfinished.Rows.Select(Cells).ShouldBe([(tina, "Tina Tech", 1m, 0.75m, 0.25m, 75.0m)]);
        approved.Rows.Select(Cells).ShouldBe([(bob, "Bob Tech", 0.83m, 0.83m, 0m, 100.0m), (tina, "Tina Tech", 1.67m, 1.67m, 0m, 100.0m)]);
    }

    [Fact]
    public async Task The_period_includes_its_start_and_excludes_its_end()
    {
        var (manager, _, _, tina, _) = await ArrangeAsync();

        var before = await UtilizationAsync(manager, "from=2026-02-27&to=2026-03-02");
        var end = await UtilizationAsync(manager, "from=2026-03-07&to=2026-03-08");
        var empty = await UtilizationAsync(manager, "from=2026-01-01&to=2026-02-01");

        before.Rows.Select(Cells).ShouldBe([(tina, "Tina Tech", 2m, 2m, 0m, 100.0m)]);
        end.Rows.Select(Cells).ShouldBe([(tina, "Tina Tech", 0.42m, 0.42m, 0m, 100.0m)]);
        empty.Rows.ShouldBeEmpty();
        Cells(empty.Total).ShouldBe((null, "Total", 0m, 0m, 0m, 0m));
    }

    [Theory]
    [InlineData("to=2026-03-07", "from")]
    [InlineData("from=2026-03-02", "to")]
    [InlineData("from=2026-03-02&to=2026-03-02", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("from=2026-03-02&to=2026-03-07&groupBy=team", "groupBy")]
    [InlineData("from=2026-03-02&to=2026-03-07&statuses=Nope", "statuses")]
    [InlineData("from=2026-03-02&to=2026-03-07&statuses=Approved,Invoiced", "statuses")]
    public async Task A_bad_utilisation_query_is_a_validation_error(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/reports/utilization?{query}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        (problem.Code, problem.Errors!.Keys.Single()).ShouldBe(("Validation", field));
    }

    [Fact]
    public async Task A_query_without_a_period_names_both_missing_fields()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync("/api/psa/reports/utilization");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["from", "to"], ignoreOrder: true);
    }
}

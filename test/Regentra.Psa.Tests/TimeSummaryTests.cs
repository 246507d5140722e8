using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/time-entries/summary: the totals beneath a list of time, with the list's filters and visibility.</summary>
public sealed class TimeSummaryTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<TimeEntrySummaryDto> SummaryAsync(TenantSession session, string query = "") =>
        session.Client.GetAsync<TimeEntrySummaryDto>($"/api/psa/time-entries/summary?{query}");

    [Fact]
    public async Task Totals_split_billable_from_non_billable_and_count_minutes_per_status()
    {
        var admin = await app.SignUpAsync();
        var tom = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        await tom.LogAsync(TicketTime(ticket.Id, 90));
        await tom.LogAsync(TicketTime(ticket.Id, 30, billable: false, submit: true));
        await tom.LogApprovedAsync(admin, TicketTime(ticket.Id, 45));
        await tom.LogAsync(ClientTime(client.Id, 20));
        await tom.LogAsync(InternalTime(15));

        var onTicket = await SummaryAsync(admin, $"ticketId={ticket.Id}");
        var forClient = await SummaryAsync(admin, $"clientId={client.Id}");
        var everything = await SummaryAsync(admin);

        onTicket.ShouldBeEquivalentTo(new TimeEntrySummaryDto(3, 165, 135, 30,
            new Dictionary<string, int> { ["Draft"] = 90, ["Submitted"] = 30, ["Approved"] = 45 }));
        (forClient.EntryCount, forClient.TotalMinutes, forClient.BillableMinutes).ShouldBe((4, 185, 155));
        (everything.EntryCount, everything.TotalMinutes, everything.NonBillableMinutes).ShouldBe((5, 200, 45));
    }

    [Fact]
    public async Task The_filters_are_the_lists_and_the_totals_match_every_page_of_it()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        for (var i = 1; i <= 5; i++)
        {
            await admin.LogAsync(ClientTime(client.Id, i * 10, Monday.AddDays(-i), submit: i % 2 == 0));
        }

        const string Filter = "status=Draft&from=2026-02-24&to=2026-03-01";
        var summary = await SummaryAsync(admin, Filter);
        var list = await admin.ListTimeAsync($"{Filter}&take=1");
        var billableOnly = await SummaryAsync(admin, "billable=false");

        (summary.EntryCount, summary.TotalMinutes).ShouldBe((2, 80));
        list.TotalCount.ShouldBe(summary.EntryCount);
        (billableOnly.EntryCount, billableOnly.TotalMinutes, billableOnly.MinutesByStatus.Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task A_technician_totals_only_their_own_time()
    {
        var admin = await app.SignUpAsync();
        var tom = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();
        await admin.LogAsync(ClientTime(client.Id, 60));
        await tom.LogAsync(ClientTime(client.Id, 25));

        var mine = await SummaryAsync(tom, $"clientId={client.Id}");
        var everyones = await SummaryAsync(admin, $"clientId={client.Id}");

        (mine.EntryCount, mine.TotalMinutes).ShouldBe((1, 25));
        (everyones.EntryCount, everyones.TotalMinutes).ShouldBe((2, 85));
    }

    [Theory]
    [InlineData("status=Pending", "status")]
    [InlineData("from=2026-03-02&to=2026-03-02", "to")]
    public async Task A_bad_filter_is_a_validation_error(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/time-entries/summary?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Another_organisations_time_is_never_counted_even_by_its_ids()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync();
        var aTicket = await a.CreateTicketAsync(aClient.Id);
        await a.LogAsync(TicketTime(aTicket.Id, 120));
        var b = await app.SignUpAsync();
        await b.LogAsync(InternalTime(10));

        var byClient = await SummaryAsync(b, $"clientId={aClient.Id}");
        var byTicket = await SummaryAsync(b, $"ticketId={aTicket.Id}");
        var all = await SummaryAsync(b);

        (byClient.EntryCount, byTicket.EntryCount).ShouldBe((0, 0));
        (all.EntryCount, all.TotalMinutes).ShouldBe((1, 10));
    }
}

using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/time-entries: filters, sorting and paging; and a ticket's time.</summary>
public sealed class TimeEntryListTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Monday = PsaApi.Monday;

    /// <summary>Seven entries of two technicians, named by what they are (e.g. "tom ticket1 submitted").</summary>
    private sealed record Timesheet(TenantSession Manager, TenantSession Tom, TenantSession Uma, Guid Client1, Guid Client2, Guid Ticket1, Dictionary<string, TimeEntryDto> Entries)
    {
        public string[] Names(PagedResult<TimeEntryDto> page) => page.Items.Select(i => Entries.Single(e => e.Value.Id == i.Id).Key).ToArray();
    }

    [Fact]
    public async Task Each_filter_narrows_the_list()
    {
        var t = await ArrangeAsync();
        var m = t.Manager;

        t.Names(await m.ListTimeAsync($"technicianId={t.Uma.UserId}")).ShouldBe(["uma internal", "uma ticket1 submitted"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync($"clientId={t.Client1}")).ShouldBe(["tom ticket1 submitted", "tom client1 rejected", "uma ticket1 submitted"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync($"ticketId={t.Ticket1}")).ShouldBe(["tom ticket1 submitted", "uma ticket1 submitted"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync("status=Draft")).ShouldBe(["tom client2 draft", "tom internal", "uma internal"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync("status=approved, Rejected")).ShouldBe(["tom ticket2 approved", "tom client1 rejected"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync("billable=false")).ShouldBe(["tom internal", "uma internal"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync($"from={Monday.AddDays(-2):yyyy-MM-dd}&to={Monday:yyyy-MM-dd}"))
            .ShouldBe(["tom client2 draft", "tom internal", "uma ticket1 submitted"], ignoreOrder: true);
        t.Names(await m.ListTimeAsync($"technicianId={t.Tom.UserId}&status=Submitted,Draft&billable=true")).ShouldBe(["tom ticket1 submitted", "tom client2 draft"], ignoreOrder: true);
        (await m.ListTimeAsync($"clientId={Guid.NewGuid()}")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_newest_work_comes_first_unless_sorted_otherwise_and_pages_keep_the_total()
    {
        var t = await ArrangeAsync();
        var m = t.Manager;

        var byDefault = await m.ListTimeAsync();
        var shortestFirst = await m.ListTimeAsync("sort=durationMinutes");
        var longestFirst = await m.ListTimeAsync("sort=durationMinutes desc");
        var secondPage = await m.ListTimeAsync("sort=durationMinutes&skip=2&take=2");
        var oldestFirst = await m.ListTimeAsync("sort=workDate asc&take=1");

        byDefault.Items.Select(e => e.WorkDate).ShouldBeInOrder(SortDirection.Descending);
        byDefault.Items[0].WorkDate.ShouldBe(Monday);
        shortestFirst.Items.Select(e => e.DurationMinutes).ShouldBe([10, 15, 20, 30, 45, 60, 90]);
        longestFirst.Items.Select(e => e.DurationMinutes).ShouldBe([90, 60, 45, 30, 20, 15, 10]);
        secondPage.TotalCount.ShouldBe(7);
        secondPage.Items.Select(e => e.DurationMinutes).ShouldBe([20, 30]);
        (oldestFirst.TotalCount, t.Names(oldestFirst).Single()).ShouldBe((7, "tom client1 rejected"));
    }

    [Fact]
    public async Task Entries_logged_on_the_same_day_list_the_latest_first()
    {
        var admin = await app.SignUpAsync();
        var first = await admin.LogAsync(PsaApi.InternalTime(minutes: 1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await admin.LogAsync(PsaApi.InternalTime(minutes: 2));

        var list = await admin.ListTimeAsync();

        list.Items.Select(e => e.Id).ShouldBe([second.Id, first.Id]);
    }

    public static TheoryData<string, string> InvalidQueries => new()
    {
        { "status=Done", "status" },
        { "status=Draft,7", "status" },
        { "from=2026-03-02&to=2026-03-02", "to" },
        { "from=2026-03-02&to=2026-03-01", "to" },
        { "sort=description", "sort" },
        { "take=0", "take" },
        { "take=1001", "take" },
        { "skip=-1", "skip" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task An_invalid_query_is_refused_naming_the_parameter(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"{TimeArrange.Entries}?{query}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        (problem.Code, problem.Errors!.Keys.Single()).ShouldBe(("Validation", field));
    }

    [Fact]
    public async Task A_tickets_time_lists_only_that_ticket_newest_first_and_an_unknown_ticket_is_not_found()
    {
        var t = await ArrangeAsync();

        var ticketTime = await t.Manager.Client.GetAsync<PagedResult<TimeEntryDto>>($"/api/psa/tickets/{t.Ticket1}/time-entries");
        var unknown = await t.Manager.Client.GetResponseAsync($"/api/psa/tickets/{Guid.NewGuid()}/time-entries");

        t.Names(ticketTime).ShouldBe(["tom ticket1 submitted", "uma ticket1 submitted"]);
        ticketTime.Items.ShouldAllBe(e => e.TicketNumber == ticketTime.Items[0].TicketNumber && e.TicketNumber != null);
        (await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    private async Task<Timesheet> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var tom = await admin.AddMemberAsync("Technician", "Tom Technician");
        var uma = await admin.AddMemberAsync("Technician", "Uma Technician");
        var client1 = await admin.CreateClientAsync();
        var client2 = await admin.CreateClientAsync();
        var ticket1 = await admin.CreateTicketAsync(client1.Id);
        var ticket2 = await admin.CreateTicketAsync(client2.Id);
        var entries = new Dictionary<string, TimeEntryDto>
        {
            ["tom ticket1 submitted"] = await tom.LogAsync(PsaApi.TicketTime(ticket1.Id, 60, Monday, submit: true)),
            ["tom client2 draft"] = await tom.LogAsync(PsaApi.ClientTime(client2.Id, 30, Monday.AddDays(-1))),
            ["tom internal"] = await tom.LogAsync(PsaApi.InternalTime(15, Monday.AddDays(-2))),
            ["tom ticket2 approved"] = await tom.LogApprovedEntryAsync(manager, PsaApi.TicketTime(ticket2.Id, 45, Monday.AddDays(-3))),
            ["tom client1 rejected"] = await tom.LogAsync(PsaApi.ClientTime(client1.Id, 20, Monday.AddDays(-4), submit: true)),
            ["uma ticket1 submitted"] = await uma.LogAsync(PsaApi.TicketTime(ticket1.Id, 90, Monday.AddDays(-1), submit: true)),
            ["uma internal"] = await uma.LogAsync(PsaApi.InternalTime(10, Monday)),
        };
        await (await manager.RejectAsync("Which site?", entries["tom client1 rejected"].Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new Timesheet(manager, tom, uma, client1.Id, client2.Id, ticket1.Id, entries);
    }
}

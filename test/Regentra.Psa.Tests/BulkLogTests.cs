using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>POST /api/psa/time-entries/bulk: a whole timesheet, all rows saved or none, every bad row named.</summary>
public sealed class BulkLogTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Monday = PsaApi.Monday;

    [Fact]
    public async Task Five_hundred_rows_across_tickets_clients_and_internal_work_are_all_saved()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var clients = new[] { await admin.CreateClientAsync(), await admin.CreateClientAsync() };
        var tickets = new[] { await admin.CreateTicketAsync(clients[0].Id), await admin.CreateTicketAsync(clients[1].Id) };
        // 25 rows a day over 20 days, 15, 30 or 45 minutes each: at most 1125 minutes a day, under the 24 hours.
        var rows = Enumerable.Range(0, 500).Select(i => (i % 5) switch
        {
            0 or 1 => PsaApi.TicketTime(tickets[i % 2].Id, minutes: 15 + (i % 3 * 15), date: Monday.AddDays(-(i % 20))),
            2 or 3 => PsaApi.ClientTime(clients[i % 2].Id, minutes: 15 + (i % 3 * 15), date: Monday.AddDays(-(i % 20))),
            _ => PsaApi.InternalTime(minutes: 15 + (i % 3 * 15), date: Monday.AddDays(-(i % 20))),
        }).ToArray();
        var before = (Entries: await app.CountAsync<TimeEntry>(), Steps: await app.CountAsync<TimeEntryTransition>());

        var response = await technician.LogManyAsync(rows);

        response.Entries.Count.ShouldBe(500);
        response.TotalMinutes.ShouldBe(rows.Sum(r => r.DurationMinutes!.Value));
        response.Entries.Select(e => (e.TicketId, e.ClientId, e.WorkDate, e.DurationMinutes))
            .ShouldBe(rows.Select(r => (r.TicketId, r.TicketId is { } t ? tickets.Single(x => x.Id == t).ClientId : r.ClientId, r.WorkDate!.Value, r.DurationMinutes!.Value)));
        response.Entries.CountBy(e => e.Kind).ShouldBe(
            [new KeyValuePair<string, int>("Ticket", 200), new("Client", 200), new("Internal", 100)], ignoreOrder: true);
        response.Entries.Count(e => e.Billable).ShouldBe(400);
        (await app.CountAsync<TimeEntry>(), await app.CountAsync<TimeEntryTransition>()).ShouldBe((before.Entries + 500, before.Steps + 500));
        var listed = await technician.ListTimeAsync("take=1000");
        (listed.TotalCount, listed.Items.Sum(e => e.DurationMinutes)).ShouldBe((500, response.TotalMinutes));
        (await technician.ListTimeAsync($"clientId={clients[0].Id}&take=1")).TotalCount.ShouldBe(200);
    }

    [Fact]
    public async Task A_batch_with_one_bad_row_names_that_row_and_writes_nothing()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var rows = Enumerable.Range(0, 6).Select(i => PsaApi.ClientTime(client.Id, minutes: i == 3 ? 0 : 30)).ToList();
        var before = (await app.CountAsync<TimeEntry>(), await app.CountAsync<TimeEntryTransition>());

        var response = await admin.PostBulkAsync(rows);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe(["entries[3].durationMinutes"]);
        (await app.CountAsync<TimeEntry>(), await app.CountAsync<TimeEntryTransition>()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_fields()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        LogTimeEntryRequest[] rows =
        [
            PsaApi.ClientTime(client.Id) with { Description = "" },
            PsaApi.ClientTime(client.Id),
            PsaApi.TicketTime(Guid.NewGuid()),
            PsaApi.InternalTime() with { Billable = true },
            PsaApi.ClientTime(client.Id, minutes: 1441, date: Monday.AddDays(8)),
            PsaApi.ClientTime(Guid.NewGuid()),
        ];
        var before = await app.CountAsync<TimeEntry>();

        var response = await admin.PostBulkAsync(rows);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(
        [
            "entries[0].description", "entries[2].ticketId", "entries[3].billable",
            "entries[4].durationMinutes", "entries[4].workDate", "entries[5].clientId",
        ], ignoreOrder: true);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
    }

    [Fact]
    public async Task The_24_hours_of_a_day_count_earlier_rows_of_the_same_batch_and_existing_time()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        await technician.LogAsync(PsaApi.InternalTime(minutes: 240, date: Monday.AddDays(-1)));
        var before = await app.CountAsync<TimeEntry>();

        var response = await technician.PostBulkAsync(
        [
            PsaApi.InternalTime(minutes: 720),
            PsaApi.InternalTime(minutes: 720),
            PsaApi.InternalTime(minutes: 1),
            PsaApi.InternalTime(minutes: 1200, date: Monday.AddDays(-1)),
            PsaApi.InternalTime(minutes: 1, date: Monday.AddDays(-1)),
            PsaApi.InternalTime(minutes: 1440, date: Monday.AddDays(-2)),
        ]);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldBe(["entries[2].durationMinutes", "entries[4].durationMinutes"], ignoreOrder: true);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await technician.LogManyAsync(PsaApi.InternalTime(minutes: 720), PsaApi.InternalTime(minutes: 720))).TotalMinutes.ShouldBe(1440);
    }

    public static TheoryData<int> WrongRowCounts => new(-1, 0, 1001);

    [Theory]
    [MemberData(nameof(WrongRowCounts))]
    public async Task No_rows_or_more_than_1000_are_refused_as_a_whole(int count)
    {
        var admin = await app.SignUpAsync();
        var rows = count < 0 ? null : Enumerable.Range(0, count).Select(_ => PsaApi.InternalTime(minutes: 1)).ToList(); // -1: no list at all
        var before = await app.CountAsync<TimeEntry>();

        var response = await admin.PostBulkAsync(rows);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["entries"]);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
    }

    [Fact]
    public async Task A_null_row_is_refused_as_a_whole()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.PostJsonAsync($"{TimeArrange.Entries}/bulk", new { entries = new object?[] { PsaApi.InternalTime(), null } });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["entries"]);
    }

    [Fact]
    public async Task Exactly_1000_rows_are_accepted()
    {
        var admin = await app.SignUpAsync();
        var rows = Enumerable.Range(0, 1000).Select(i => PsaApi.InternalTime(minutes: 1, date: Monday.AddDays(-(i % 2)))).ToArray();

        var response = await admin.LogManyAsync(rows);

        (response.Entries.Count, response.TotalMinutes).ShouldBe((1000, 1000));
        (await admin.ListTimeAsync("take=1")).TotalCount.ShouldBe(1000);
    }

    [Fact]
    public async Task Each_row_says_whether_it_is_submitted()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");

        var response = await technician.LogManyAsync(
            PsaApi.InternalTime(submit: true), PsaApi.InternalTime(submit: false), PsaApi.InternalTime(submit: true));

        response.Entries.Select(e => e.Status).ShouldBe([TimeEntryStatus.Submitted, TimeEntryStatus.Draft, TimeEntryStatus.Submitted]);
        (await technician.HistoryAsync(response.Entries[0].Id)).Select(h => (h.Action, h.From, h.To, h.ActorName)).ShouldBe(
        [
            ("Created", null, TimeEntryStatus.Draft, "Technician Person"),
            ("Submitted", TimeEntryStatus.Draft, TimeEntryStatus.Submitted, "Technician Person"),
        ]);
        (await technician.HistoryAsync(response.Entries[1].Id)).ShouldHaveSingleItem().Action.ShouldBe("Created");
        (await admin.ApprovalQueueAsync()).Items.Select(e => e.Id).ShouldBe([response.Entries[0].Id, response.Entries[2].Id], ignoreOrder: true);
    }
}

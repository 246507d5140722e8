using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>The field rules of one entry: each refusal names its field and writes nothing; the defaults and what an entry is for.</summary>
public sealed class TimeEntryValidationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Monday = PsaApi.Monday;

    /// <summary>What a request can point at: an active client with a ticket, another client, and an inactive client with a ticket.</summary>
    private sealed record Targets(Guid ClientId, Guid TicketId, Guid OtherClientId, Guid InactiveClientId, Guid InactiveTicketId);

    private static readonly Dictionary<string, (Func<Targets, LogTimeEntryRequest> Request, string Field)> InvalidRequests = new()
    {
        ["duration of 0 minutes"] = (t => PsaApi.ClientTime(t.ClientId, minutes: 0), "durationMinutes"),
        ["duration of 1441 minutes"] = (t => PsaApi.ClientTime(t.ClientId, minutes: 1441), "durationMinutes"),
        ["negative duration"] = (t => PsaApi.ClientTime(t.ClientId, minutes: -30), "durationMinutes"),
        ["duration missing"] = (t => PsaApi.ClientTime(t.ClientId) with { DurationMinutes = null }, "durationMinutes"),
        ["work date missing"] = (t => PsaApi.ClientTime(t.ClientId) with { WorkDate = null }, "workDate"),
        ["work date 8 days ahead"] = (t => PsaApi.ClientTime(t.ClientId, date: Monday.AddDays(8)), "workDate"),
        ["work date before 2000"] = (t => PsaApi.ClientTime(t.ClientId, date: new DateOnly(1999, 12, 31)), "workDate"),
        ["description blank"] = (t => PsaApi.ClientTime(t.ClientId) with { Description = "   " }, "description"),
        ["description missing"] = (t => PsaApi.ClientTime(t.ClientId) with { Description = null }, "description"),
        ["description of 4001 characters"] = (t => PsaApi.ClientTime(t.ClientId) with { Description = new string('x', 4001) }, "description"),
        ["internal time marked billable"] = (_ => PsaApi.InternalTime() with { Billable = true }, "billable"),
        ["unknown ticket"] = (_ => PsaApi.TicketTime(Guid.NewGuid()), "ticketId"),
        ["ticket with a different client"] = (t => PsaApi.TicketTime(t.TicketId) with { ClientId = t.OtherClientId }, "clientId"),
        ["unknown client"] = (_ => PsaApi.ClientTime(Guid.NewGuid()), "clientId"),
        ["inactive client"] = (t => PsaApi.ClientTime(t.InactiveClientId), "clientId"),
        ["ticket of an inactive client"] = (t => PsaApi.TicketTime(t.InactiveTicketId), "ticketId"),
    };

    public static TheoryData<string> InvalidCases => new(InvalidRequests.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task An_invalid_entry_is_refused_naming_its_field_and_nothing_is_written(string invalidCase)
    {
        var admin = await app.SignUpAsync();
        var targets = await ArrangeTargetsAsync(admin);
        var (request, field) = InvalidRequests[invalidCase];
        var before = await app.CountAsync<TimeEntry>();

        var response = await admin.Client.PostJsonAsync(TimeArrange.Entries, request(targets));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe([field]);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await admin.ListTimeAsync()).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Every_invalid_field_of_an_entry_is_reported_at_once()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.PostJsonAsync(TimeArrange.Entries,
            new LogTimeEntryRequest(null, Guid.NewGuid(), null, 0, " ", null));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldBe(["clientId", "workDate", "durationMinutes", "description"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();

        var shortest = await admin.LogAsync(PsaApi.ClientTime(client.Id, minutes: 1, date: Monday.AddDays(7)));
        var longest = await admin.LogAsync(PsaApi.ClientTime(client.Id, minutes: 1440, date: Monday.AddDays(-1)) with { Description = new string('x', 4000) });
        var oldest = await admin.LogAsync(PsaApi.InternalTime(date: new DateOnly(2000, 1, 1)));

        (shortest.DurationMinutes, shortest.WorkDate).ShouldBe((1, new DateOnly(2026, 3, 9)));
        (longest.DurationMinutes, longest.Description.Length).ShouldBe((1440, 4000));
        oldest.WorkDate.ShouldBe(new DateOnly(2000, 1, 1));
    }

    [Fact]
    public async Task An_entry_is_for_a_ticket_and_its_client_a_client_or_internal_work()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        var ticket = await admin.CreateTicketAsync(client.Id);

        var onTicket = await admin.LogAsync(PsaApi.TicketTime(ticket.Id));
        var onTicketNamingItsClient = await admin.LogAsync(PsaApi.TicketTime(ticket.Id) with { ClientId = client.Id });
        var forClient = await admin.LogAsync(PsaApi.ClientTime(client.Id));
        var inside = await admin.LogAsync(PsaApi.InternalTime() with { Billable = null, Description = "  Training  " });

        (onTicket.Kind, onTicket.TicketId, onTicket.TicketNumber, onTicket.ClientId, onTicket.ClientName).ShouldBe(("Ticket", ticket.Id, ticket.Number, client.Id, "Contoso"));
        (onTicketNamingItsClient.Kind, onTicketNamingItsClient.ClientId).ShouldBe(("Ticket", client.Id));
        (forClient.Kind, forClient.TicketId, forClient.ClientId, forClient.ClientName).ShouldBe(("Client", null, client.Id, "Contoso"));
        (inside.Kind, inside.TicketId, inside.ClientId, inside.Description).ShouldBe(("Internal", null, null, "Training"));
        new[] { onTicket, forClient, inside }.ShouldAllBe(e => e.Status == TimeEntryStatus.Draft && e.TechnicianName == "Ada Admin");
    }

    [Fact]
    public async Task Ticket_and_client_time_is_billable_unless_said_otherwise_and_internal_time_never_is()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);

        var ticketDefault = await admin.LogAsync(PsaApi.TicketTime(ticket.Id, billable: null));
        var clientDefault = await admin.LogAsync(PsaApi.ClientTime(client.Id, billable: null));
        var internalDefault = await admin.LogAsync(PsaApi.InternalTime() with { Billable = null });
        var ticketNotBillable = await admin.LogAsync(PsaApi.TicketTime(ticket.Id, billable: false));
        var clientNotBillable = await admin.LogAsync(PsaApi.ClientTime(client.Id, billable: false));

        (ticketDefault.Billable, clientDefault.Billable, internalDefault.Billable).ShouldBe((true, true, false));
        (ticketNotBillable.Billable, clientNotBillable.Billable).ShouldBe((false, false));
    }

    [Fact]
    public async Task A_technicians_day_holds_24_hours_counting_what_is_already_logged()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var colleague = await admin.AddMemberAsync("Technician");
        await technician.LogAsync(PsaApi.InternalTime(minutes: 1000));
        await technician.LogAsync(PsaApi.InternalTime(minutes: 380, submit: true));
        await colleague.LogAsync(PsaApi.InternalTime(minutes: 1440));
        var before = await app.CountAsync<TimeEntry>();

        var over = await technician.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime(minutes: 61));

        var problem = await over.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["durationMinutes"]);
        problem.Errors["durationMinutes"].ShouldHaveSingleItem().ShouldContain("24h 01m");
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await technician.LogAsync(PsaApi.InternalTime(minutes: 60))).DurationMinutes.ShouldBe(60);
        (await technician.LogAsync(PsaApi.InternalTime(minutes: 1440, date: Monday.AddDays(1)))).DurationMinutes.ShouldBe(1440);
    }

    [Fact]
    public async Task An_update_does_not_count_the_entry_itself_towards_the_day_but_counts_the_others()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var full = await technician.LogAsync(PsaApi.InternalTime(minutes: 1440));
        var other = await technician.LogAsync(PsaApi.InternalTime(minutes: 600, date: Monday.AddDays(-1)));

        var unchanged = await technician.PutEntryAsync(full.Id, full.AsUpdate() with { Description = "Still the whole day" });
        var movedOntoFullDay = await technician.PutEntryAsync(other.Id, other.AsUpdate() with { WorkDate = Monday, DurationMinutes = 1 });

        (await unchanged.ReadAsync<TimeEntryDto>()).Description.ShouldBe("Still the whole day");
        (await movedOntoFullDay.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["durationMinutes"]);
        (await technician.GetEntryAsync(other.Id)).ShouldBe(other);
    }

    [Fact]
    public async Task An_invalid_update_is_refused_naming_its_field_and_changes_nothing()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var entry = await admin.LogAsync(PsaApi.ClientTime(client.Id));

        var tooLong = await admin.PutEntryAsync(entry.Id, entry.AsUpdate() with { DurationMinutes = 1441 });
        var internalBillable = await admin.PutEntryAsync(entry.Id, entry.AsUpdate() with { ClientId = null, Billable = true });
        var noStamp = await admin.PutEntryAsync(entry.Id, entry.AsUpdate() with { ConcurrencyStamp = null });

        (await tooLong.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["durationMinutes"]);
        (await internalBillable.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["billable"]);
        (await noStamp.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["concurrencyStamp"]);
        (await admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
    }

    [Fact]
    public async Task An_update_can_change_what_the_entry_is_for_and_recomputes_the_billable_default()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        var ticket = await admin.CreateTicketAsync(client.Id);
        var entry = await admin.LogAsync(PsaApi.InternalTime());

        var response = await admin.PutEntryAsync(entry.Id, entry.AsUpdate() with { TicketId = ticket.Id, Billable = null, DurationMinutes = 45 });

        var updated = await response.ReadAsync<TimeEntryDto>();
        (updated.Kind, updated.ClientId, updated.ClientName, updated.Billable, updated.DurationMinutes).ShouldBe(("Ticket", client.Id, "Contoso", true, 45));
        updated.ConcurrencyStamp.ShouldNotBe(entry.ConcurrencyStamp);
        (await admin.GetEntryAsync(entry.Id)).ShouldBe(updated);
    }

    private static async Task<Targets> ArrangeTargetsAsync(TenantSession admin)
    {
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var other = await admin.CreateClientAsync();
        var inactive = await admin.CreateClientAsync();
        var inactiveTicket = await admin.CreateTicketAsync(inactive.Id);
        await (await admin.Client.CallAsync(HttpMethod.Post, $"/api/psa/clients/{inactive.Id}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new Targets(client.Id, ticket.Id, other.Id, inactive.Id, inactiveTicket.Id);
    }
}

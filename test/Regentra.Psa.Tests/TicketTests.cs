using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Opening and reading tickets.</summary>
public sealed class TicketTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task A_new_ticket_is_open_numbered_and_readable()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician", "Tina Tech");
        var client = await admin.CreateClientAsync("Contoso");

        var response = await admin.Client.PostJsonAsync("/api/psa/tickets",
            new CreateTicketRequest(client.Id, "  Printer on fire ", "Third floor", TicketPriority.Urgent, technician.UserId));

        var ticket = await response.ReadAsync<TicketDetailDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/psa/tickets/{ticket.Id}");
        (ticket.Number, ticket.Title, ticket.Description, ticket.Priority, ticket.Status).ShouldBe(
            ("T-000001", "Printer on fire", "Third floor", TicketPriority.Urgent, TicketStatus.Open));
        (ticket.ClientId, ticket.ClientName, ticket.AssigneeId, ticket.AssigneeName).ShouldBe((client.Id, "Contoso", technician.UserId, "Tina Tech"));
        ticket.AllowedTransitions.ShouldBe([TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Escalated, TicketStatus.Resolved, TicketStatus.Closed]);
        (ticket.ResolvedAt, ticket.ClosedAt, ticket.Time.TotalMinutes).ShouldBe((null, null, 0));
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).ShouldBeEquivalentTo(ticket);
    }

    [Fact]
    public async Task A_ticket_without_priority_is_normal_and_unassigned()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();

        var ticket = await (await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(client.Id, "Slow laptop", null, null, null)))
            .ReadAsync<TicketDetailDto>(HttpStatusCode.Created);

        (ticket.Priority, ticket.AssigneeId, ticket.AssigneeName).ShouldBe((TicketPriority.Normal, null, null));
    }

    [Fact]
    public async Task Ticket_numbers_count_up_per_organisation_and_each_starts_at_one()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync();
        var bClient = await b.CreateClientAsync();

        var aNumbers = new[] { (await a.CreateTicketAsync(aClient.Id)).Number, (await a.CreateTicketAsync(aClient.Id)).Number };
        var bFirst = await b.CreateTicketAsync(bClient.Id);
        var aThird = await a.CreateTicketAsync(aClient.Id);

        aNumbers.ShouldBe(["T-000001", "T-000002"]);
        bFirst.Number.ShouldBe("T-000001");
        aThird.Number.ShouldBe("T-000003");
    }

    [Fact]
    public async Task An_inactive_client_gets_no_new_tickets()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{client.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var before = await app.CountAsync<Regentra.Psa.Tickets.Ticket>();

        var response = await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(client.Id, "Help", null, null, null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        (problem.Code, problem.Errors!.Keys.Single()).ShouldBe((PsaErrorCodes.ClientInactive, "clientId"));
        (await app.CountAsync<Regentra.Psa.Tickets.Ticket>()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_or_missing_client_is_a_validation_error()
    {
        var admin = await app.SignUpAsync();

        var unknown = await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(Guid.NewGuid(), "Help", null, null, null));
        var missing = await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(null, " ", null, null, null));

        (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["clientId"]);
        (await missing.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["clientId", "title"], ignoreOrder: true);
    }

    public static TheoryData<string, string, string?> InvalidTickets => new()
    {
        { "title", "", null },
        { "title", "   ", null },
        { "title", new string('t', 201), null },
        { "description", "Help", new string('d', 8001) },
    };

    [Theory]
    [MemberData(nameof(InvalidTickets))]
    public async Task An_invalid_ticket_is_refused_with_the_field_and_nothing_is_written(string field, string title, string? description)
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var before = await app.CountAsync<Regentra.Psa.Tickets.Ticket>();

        var response = await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(client.Id, title, description, null, null));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        (await app.CountAsync<Regentra.Psa.Tickets.Ticket>()).ShouldBe(before);
    }

    [Fact]
    public async Task The_assignee_must_be_an_active_member_of_the_organisation()
    {
        var admin = await app.SignUpAsync();
        var (leaver, _) = await admin.JoinAsync("Technician");
        await admin.DeactivateMemberAsync(leaver);
        var other = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var before = await app.CountAsync<Regentra.Psa.Tickets.Ticket>();

        foreach (var assignee in new[] { Guid.NewGuid(), other.UserId, leaver })
        {
            var response = await admin.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(client.Id, "Help", null, null, assignee));

            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["assigneeId"]);
        }

        (await app.CountAsync<Regentra.Psa.Tickets.Ticket>()).ShouldBe(before);
    }

    [Fact]
    public async Task The_time_summary_adds_up_the_minutes_logged_on_the_ticket_by_status()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var ticket = await technician.CreateTicketAsync((await admin.CreateClientAsync()).Id);
        var other = await technician.CreateTicketAsync(ticket.ClientId);
        await technician.LogAsync(PsaApi.TicketTime(ticket.Id, 30));
        await technician.LogAsync(PsaApi.TicketTime(ticket.Id, 45, submit: true, billable: false));
        await technician.LogApprovedAsync(manager, PsaApi.TicketTime(ticket.Id, 60), PsaApi.TicketTime(ticket.Id, 15));
        await technician.LogAsync(PsaApi.TicketTime(other.Id, 500));

        var detail = await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}");

        (detail.Time.TotalMinutes, detail.Time.BillableMinutes).ShouldBe((150, 105));
        detail.Time.MinutesByStatus.ShouldBe(new Dictionary<string, int>
        {
            [nameof(TimeEntryStatus.Draft)] = 30,
            [nameof(TimeEntryStatus.Submitted)] = 45,
            [nameof(TimeEntryStatus.Approved)] = 75,
        }, ignoreOrder: true);
    }
}

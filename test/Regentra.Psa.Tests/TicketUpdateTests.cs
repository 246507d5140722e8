using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>PUT /api/psa/tickets/{id}: fields, the concurrency stamp, the assignee, and when the client may change.</summary>
public sealed class TicketUpdateTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task An_update_changes_title_priority_description_and_assignee()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician", "Tina Tech");
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync()).Id);

        var updated = await (await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
                new UpdateTicketRequest(ticket.ClientId, "Printer fixed?", "Toner", TicketPriority.High, technician.UserId, ticket.ConcurrencyStamp)))
            .ReadAsync<TicketDetailDto>();

        (updated.Title, updated.Description, updated.Priority, updated.AssigneeName).ShouldBe(("Printer fixed?", "Toner", TicketPriority.High, "Tina Tech"));
        (updated.Number, updated.Status).ShouldBe((ticket.Number, TicketStatus.Open));
        updated.ConcurrencyStamp.ShouldNotBe(ticket.ConcurrencyStamp);
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).ShouldBeEquivalentTo(updated);
    }

    [Fact]
    public async Task An_update_with_a_stale_stamp_is_a_conflict_and_changes_nothing()
    {
        var admin = await app.SignUpAsync();
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync()).Id);
        var moved = await admin.MoveTicketAsync(ticket.Id, TicketStatus.InProgress);

        var response = await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
            new UpdateTicketRequest(ticket.ClientId, "Renamed", null, TicketPriority.Low, null, ticket.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).ShouldBeEquivalentTo(moved);
    }

    [Fact]
    public async Task Assigning_a_deactivated_member_on_update_is_refused()
    {
        var admin = await app.SignUpAsync();
        var (leaver, _) = await admin.JoinAsync("Technician");
        await admin.DeactivateMemberAsync(leaver);
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync()).Id);

        var response = await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
            new UpdateTicketRequest(ticket.ClientId, ticket.Title, null, null, leaver, ticket.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["assigneeId"]);
    }

    [Fact]
    public async Task The_client_of_a_ticket_without_time_can_change()
    {
        var admin = await app.SignUpAsync();
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync("Contoso")).Id);
        var fabrikam = await admin.CreateClientAsync("Fabrikam");

        var updated = await (await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
            new UpdateTicketRequest(fabrikam.Id, ticket.Title, null, null, null, ticket.ConcurrencyStamp))).ReadAsync<TicketDetailDto>();

        (updated.ClientId, updated.ClientName).ShouldBe((fabrikam.Id, "Fabrikam"));
    }

    [Fact]
    public async Task The_client_of_a_ticket_with_time_is_locked()
    {
        var admin = await app.SignUpAsync();
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync("Contoso")).Id);
        var fabrikam = await admin.CreateClientAsync("Fabrikam");
        await admin.LogAsync(PsaApi.TicketTime(ticket.Id));

        var response = await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
            new UpdateTicketRequest(fabrikam.Id, ticket.Title, null, null, null, ticket.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.TicketClientLocked);
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).ClientName.ShouldBe("Contoso");
    }

    [Fact]
    public async Task Moving_a_ticket_to_an_inactive_client_is_refused()
    {
        var admin = await app.SignUpAsync();
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync()).Id);
        var inactive = await admin.CreateClientAsync();
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{inactive.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await admin.Client.PutJsonAsync($"/api/psa/tickets/{ticket.Id}",
            new UpdateTicketRequest(inactive.Id, ticket.Title, null, null, null, ticket.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.ClientInactive);
    }
}

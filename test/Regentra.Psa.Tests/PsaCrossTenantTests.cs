using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.Reports;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Psa.Tests;

/// <summary>Two organisations side by side: no client, ticket or hour of A is visible to, or changeable by, B.</summary>
public sealed class PsaCrossTenantTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Every_client_and_ticket_id_of_another_tenant_is_not_found_and_stays_unchanged()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync("Contoso");
        var aSpare = await a.CreateClientAsync("Spare");
        var aTicket = await a.CreateTicketAsync(aClient.Id);
        await a.LogAsync(TicketTime(aTicket.Id));
        var b = await app.SignUpAsync();
        var bClient = await b.CreateClientAsync("B's own");

        var attempts = new[]
        {
            await b.Client.CallAsync(HttpMethod.Get, $"/api/psa/clients/{aClient.Id}"),
            await b.Client.CallAsync(HttpMethod.Put, $"/api/psa/clients/{aClient.Id}",
                new UpdateClientRequest("Stolen", null, null, "USD", null, aClient.ConcurrencyStamp)),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/psa/clients/{aClient.Id}/deactivate"),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/psa/clients/{aClient.Id}/reactivate"),
            await b.Client.CallAsync(HttpMethod.Delete, $"/api/psa/clients/{aSpare.Id}"),
            await b.Client.CallAsync(HttpMethod.Get, $"/api/psa/tickets/{aTicket.Id}"),
            await b.Client.CallAsync(HttpMethod.Put, $"/api/psa/tickets/{aTicket.Id}",
                new UpdateTicketRequest(bClient.Id, "Stolen", null, null, null, aTicket.ConcurrencyStamp)),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/psa/tickets/{aTicket.Id}/status", new ChangeTicketStatusRequest(TicketStatus.Closed, null)),
            await b.Client.CallAsync(HttpMethod.Get, $"/api/psa/tickets/{aTicket.Id}/time-entries"),
        };

        foreach (var response in attempts)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        (await a.Client.GetAsync<ClientDto>($"/api/psa/clients/{aClient.Id}")).ShouldBe(aClient);
        (await a.Client.GetAsync<ClientDto>($"/api/psa/clients/{aSpare.Id}")).ShouldBe(aSpare);
        var ticket = await a.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{aTicket.Id}");
        (ticket.Title, ticket.ClientId, ticket.Status).ShouldBe((aTicket.Title, aClient.Id, TicketStatus.Open));
    }

    [Fact]
    public async Task Lists_and_searches_show_only_the_callers_own_clients_and_tickets()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync("Contoso");
        await a.CreateTicketAsync(aClient.Id, "Contoso printer");
        await a.CreateTicketAsync(aClient.Id, "Contoso VPN");
        var b = await app.SignUpAsync();
        var bClient = await b.CreateClientAsync("Fabrikam");
        var bTicket = await b.CreateTicketAsync(bClient.Id, "Fabrikam laptop");

        var clients = await b.Client.GetAsync<PagedResult<ClientDto>>("/api/psa/clients?take=1000");
        var searchedClients = await b.Client.GetAsync<PagedResult<ClientDto>>("/api/psa/clients?search=contoso");
        var tickets = await b.Client.GetAsync<PagedResult<TicketDto>>("/api/psa/tickets?take=1000");
        var byNumber = await b.Client.GetAsync<PagedResult<TicketDto>>("/api/psa/tickets?text=T-000002");
        var byTitle = await b.Client.GetAsync<PagedResult<TicketDto>>("/api/psa/tickets?text=contoso");
        var byClient = await b.Client.GetAsync<PagedResult<TicketDto>>($"/api/psa/tickets?clientId={aClient.Id}");

        clients.Items.ShouldHaveSingleItem().Id.ShouldBe(bClient.Id);
        clients.TotalCount.ShouldBe(1);
        searchedClients.TotalCount.ShouldBe(0);
        tickets.Items.ShouldHaveSingleItem().Id.ShouldBe(bTicket.Id);
        (byNumber.TotalCount, byTitle.TotalCount, byClient.TotalCount).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Another_tenants_time_never_appears_in_the_reports()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync("Contoso");
        await a.LogAsync(ClientTime(aClient.Id, 240, submit: true));
        await a.LogAsync(InternalTime(60, submit: true));
        await (await a.ActAsync("approve", (await a.LogAsync(ClientTime(aClient.Id, 120, submit: true))).Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var b = await app.SignUpAsync();
        var bClient = await b.CreateClientAsync("Fabrikam");
        var bEntry = await b.LogAsync(ClientTime(bClient.Id, 30, submit: true));
        await (await b.ActAsync("approve", bEntry.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var byTechnician = await b.Client.GetAsync<UtilizationReportDto>("/api/psa/reports/utilization?from=2026-03-01&to=2026-04-01");
        var byClient = await b.Client.GetAsync<UtilizationReportDto>("/api/psa/reports/utilization?from=2026-03-01&to=2026-04-01&groupBy=client");
        var unbilled = await b.Client.GetAsync<UnbilledReportDto>("/api/psa/reports/unbilled");
        var time = await b.Client.GetAsync<PagedResult<TimeEntryDto>>("/api/psa/time-entries?take=1000");

        byTechnician.Rows.Select(r => (r.Key, r.TotalHours)).ShouldBe([(b.UserId, 0.5m)]);
        byClient.Rows.Select(r => (r.Key, r.TotalHours)).ShouldBe([(bClient.Id, 0.5m)]);
        byTechnician.Total.TotalHours.ShouldBe(0.5m);
        unbilled.Clients.Select(c => (c.ClientId, c.Hours)).ShouldBe([(bClient.Id, 0.5m)]);
        time.Items.ShouldHaveSingleItem().Id.ShouldBe(bEntry.Id);
    }

    [Fact]
    public async Task A_ticket_cannot_be_opened_for_another_tenants_client_nor_assigned_to_its_members()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync();
        var aTechnician = await a.AddMemberAsync("Technician");
        var b = await app.SignUpAsync();
        var bTicket = await b.CreateTicketAsync((await b.CreateClientAsync()).Id);
        var before = await app.CountAsync<Regentra.Psa.Tickets.Ticket>();

        var forAClient = await b.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(aClient.Id, "Theirs", null, null, null));
        var toAMember = await b.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(bTicket.ClientId, "Theirs", null, null, aTechnician.UserId));
        var movedToAClient = await b.Client.PutJsonAsync($"/api/psa/tickets/{bTicket.Id}",
            new UpdateTicketRequest(aClient.Id, bTicket.Title, null, null, null, bTicket.ConcurrencyStamp));
        var assignedToAMember = await b.Client.PutJsonAsync($"/api/psa/tickets/{bTicket.Id}",
            new UpdateTicketRequest(bTicket.ClientId, bTicket.Title, null, null, aTechnician.UserId, bTicket.ConcurrencyStamp));

        (await forAClient.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["clientId"]);
        (await toAMember.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["assigneeId"]);
        (await movedToAClient.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["clientId"]);
        (await assignedToAMember.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["assigneeId"]);
        (await app.CountAsync<Regentra.Psa.Tickets.Ticket>()).ShouldBe(before);
        (await b.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{bTicket.Id}")).ShouldBeEquivalentTo(bTicket);
    }
}

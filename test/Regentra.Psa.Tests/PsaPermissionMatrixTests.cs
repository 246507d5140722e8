using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>Every client, ticket, assignee, time-summary and report endpoint against every standard role, from the default grants.</summary>
public sealed class PsaPermissionMatrixTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    /// <summary>What an endpoint acts on: a client with a ticket, and a spare client nothing refers to.</summary>
    private sealed record Targets(TenantSession Admin, Guid ClientId, Guid SpareClientId, Guid TicketId);

    /// <param name="Permissions">Any one of these lets the call through.</param>
    private sealed record Endpoint(HttpMethod Method, string Url, string[] Permissions, HttpStatusCode Success, Func<Targets, Task<object?>>? Body = null)
    {
        public string UrlFor(Targets t) => Url
            .Replace("{client}", t.ClientId.ToString(), StringComparison.Ordinal)
            .Replace("{spare}", t.SpareClientId.ToString(), StringComparison.Ordinal)
            .Replace("{ticket}", t.TicketId.ToString(), StringComparison.Ordinal);
    }

    private static Task<object?> Body(object body) => Task.FromResult<object?>(body);

    private static readonly Dictionary<string, Endpoint> Endpoints = new[]
    {
        new Endpoint(HttpMethod.Get, "/api/psa/clients", [PsaPermissions.Clients.Default], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/clients/{client}", [PsaPermissions.Clients.Default], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/psa/clients", [PsaPermissions.Clients.Manage], HttpStatusCode.Created,
            _ => Body(new CreateClientRequest("New client", null, null, null, null))),
        new Endpoint(HttpMethod.Put, "/api/psa/clients/{client}", [PsaPermissions.Clients.Manage], HttpStatusCode.OK,
            async t => (await t.Admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{t.ClientId}")) is var c
                ? new UpdateClientRequest("Renamed client", c.BillingEmail, c.Address, c.Currency, c.Notes, c.ConcurrencyStamp) : null),
        new Endpoint(HttpMethod.Post, "/api/psa/clients/{client}/deactivate", [PsaPermissions.Clients.Manage], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/psa/clients/{client}/reactivate", [PsaPermissions.Clients.Manage], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Delete, "/api/psa/clients/{spare}", [PsaPermissions.Clients.Manage], HttpStatusCode.NoContent),
        new Endpoint(HttpMethod.Get, "/api/psa/tickets", [PsaPermissions.Tickets.Default], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/tickets/{ticket}", [PsaPermissions.Tickets.Default], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/psa/tickets", [PsaPermissions.Tickets.Manage], HttpStatusCode.Created,
            t => Body(new CreateTicketRequest(t.ClientId, "New ticket", null, null, null))),
        new Endpoint(HttpMethod.Put, "/api/psa/tickets/{ticket}", [PsaPermissions.Tickets.Manage], HttpStatusCode.OK,
            async t => (await t.Admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{t.TicketId}")) is var d
                ? new UpdateTicketRequest(d.ClientId, "Renamed ticket", null, TicketPriority.High, null, d.ConcurrencyStamp) : null),
        new Endpoint(HttpMethod.Post, "/api/psa/tickets/{ticket}/status", [PsaPermissions.Tickets.Manage], HttpStatusCode.OK,
            _ => Body(new ChangeTicketStatusRequest(TicketStatus.InProgress, null))),
        new Endpoint(HttpMethod.Get, "/api/psa/tickets/{ticket}/time-entries",
            [PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/assignees", [PsaPermissions.Tickets.Default], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/time-entries/summary?clientId={client}",
            [PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/reports/utilization?from=2026-03-01&to=2026-04-01", [PsaPermissions.Reports], HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/psa/reports/unbilled", [PsaPermissions.Reports], HttpStatusCode.OK),
    }.ToDictionary(e => $"{e.Method} {e.Url}");

    /// <summary>The default grants (PsaPermissionDefinitionProvider); the host administrator holds none of them.</summary>
    private static readonly Dictionary<string, string[]> Grants = new()
    {
        ["Admin"] =
        [
            PsaPermissions.Clients.Default, PsaPermissions.Clients.Manage, PsaPermissions.Tickets.Default, PsaPermissions.Tickets.Manage,
            PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve, PsaPermissions.Reports,
        ],
        ["Manager"] =
        [
            PsaPermissions.Clients.Default, PsaPermissions.Clients.Manage, PsaPermissions.Tickets.Default, PsaPermissions.Tickets.Manage,
            PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve, PsaPermissions.Reports,
        ],
        ["Technician"] = [PsaPermissions.Clients.Default, PsaPermissions.Tickets.Default, PsaPermissions.Tickets.Manage, PsaPermissions.TimeEntries.Default],
        ["ReadOnly"] = [PsaPermissions.Clients.Default, PsaPermissions.Tickets.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.Reports],
        ["HostAdmin"] = [],
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (name, endpoint) in Endpoints)
        {
            foreach (var (role, granted) in Grants)
            {
                data.Add(name, role, endpoint.Permissions.Any(granted.Contains));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_call_exactly_the_endpoints_its_permissions_allow(string endpointName, string role, bool allowed)
    {
        var endpoint = Endpoints[endpointName];
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var spare = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var targets = new Targets(admin, client.Id, spare.Id, ticket.Id);
        var caller = role switch
        {
            "Admin" => admin.Client,
            "HostAdmin" => await app.SignInHostAdminAsync(),
            _ => (await admin.AddMemberAsync(role)).Client,
        };
        var body = endpoint.Body is null ? null : await endpoint.Body(targets);

        var response = await caller.CallAsync(endpoint.Method, endpoint.UrlFor(targets), body);

        if (allowed)
        {
            await response.ShouldHaveStatusAsync(endpoint.Success);
            return;
        }

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain(endpoint.Permissions[0]);
        await (await admin.Client.GetResponseAsync($"/api/psa/clients/{spare.Id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refused_writes_leave_the_data_as_it_was()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        var ticket = await admin.CreateTicketAsync(client.Id);
        var readOnly = await admin.AddMemberAsync("ReadOnly");
        var technician = await admin.AddMemberAsync("Technician");

        var refused = new[]
        {
            await readOnly.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(client.Id, "Sneaky", null, null, null)),
            await readOnly.ChangeTicketStatusAsync(ticket.Id, TicketStatus.Closed),
            await technician.Client.PostJsonAsync($"/api/psa/clients/{client.Id}/deactivate", null),
            await technician.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
                new UpdateClientRequest("Hijacked", null, null, "USD", null, client.ConcurrencyStamp)),
            await technician.Client.DeleteAsync(new Uri($"/api/psa/clients/{client.Id}", UriKind.Relative)),
        };

        foreach (var response in refused)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        }

        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(client);
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).Status.ShouldBe(TicketStatus.Open);
        (await admin.Client.GetAsync<Regentra.Framework.Paging.PagedResult<TicketDto>>("/api/psa/tickets")).TotalCount.ShouldBe(1);
    }

    public static TheoryData<string> ProtectedEndpoints => new(Endpoints.Keys);

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Anonymous_callers_get_401_from_every_endpoint(string endpointName)
    {
        var endpoint = Endpoints[endpointName];
        var url = endpoint.Url.Replace("{client}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{spare}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{ticket}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await app.CreateClient().CallAsync(endpoint.Method, url, endpoint.Method == HttpMethod.Get ? null : new { });

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
    }
}

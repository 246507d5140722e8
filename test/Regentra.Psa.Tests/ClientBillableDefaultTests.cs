using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.TimeEntries;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Psa.Tests;

/// <summary>A client's "billable by default": what logged time starts as when the technician does not say.</summary>
public sealed class ClientBillableDefaultTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static async Task<ClientDto> CreateAsync(TenantSession session, string name, bool? billableByDefault) =>
        await (await session.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(name, null, null, null, null, billableByDefault)))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Clients_are_billable_by_default_unless_created_otherwise()
    {
        var admin = await app.SignUpAsync();

        var unsaid = await CreateAsync(admin, "Contoso", null);
        var internalProject = await CreateAsync(admin, "Pro bono", false);

        (unsaid.BillableByDefault, internalProject.BillableByDefault).ShouldBe((true, false));
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{internalProject.Id}")).BillableByDefault.ShouldBeFalse();
    }

    [Fact]
    public async Task An_update_changes_the_default_and_one_that_leaves_it_out_keeps_it()
    {
        var admin = await app.SignUpAsync();
        var client = await CreateAsync(admin, "Contoso", null);

        var changed = await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest(client.Name, null, null, client.Currency, null, client.ConcurrencyStamp, false))).ReadAsync<ClientDto>();
        var renamed = await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest("Contoso Group", null, null, client.Currency, null, changed.ConcurrencyStamp))).ReadAsync<ClientDto>();

        (changed.BillableByDefault, renamed.BillableByDefault, renamed.Name).ShouldBe((false, false, "Contoso Group"));
    }

    [Fact]
    public async Task Time_left_unsaid_follows_its_clients_default_on_tickets_client_work_and_bulk_rows()
    {
        var admin = await app.SignUpAsync();
        var billable = await CreateAsync(admin, "Contoso", null);
        var unbilled = await CreateAsync(admin, "Pro bono", false);
        var unbilledTicket = await admin.CreateTicketAsync(unbilled.Id);
        var billableTicket = await admin.CreateTicketAsync(billable.Id);

        var onUnbilledTicket = await admin.LogAsync(TicketTime(unbilledTicket.Id));
        var forUnbilledClient = await admin.LogAsync(ClientTime(unbilled.Id));
        var onBillableTicket = await admin.LogAsync(TicketTime(billableTicket.Id));
        var bulk = await admin.LogManyAsync(TicketTime(unbilledTicket.Id, 15), ClientTime(billable.Id, 15));

        (onUnbilledTicket.Billable, forUnbilledClient.Billable, onBillableTicket.Billable).ShouldBe((false, false, true));
        bulk.Entries.Select(e => e.Billable).ShouldBe([false, true]);
    }

    [Fact]
    public async Task What_the_technician_says_wins_over_the_clients_default()
    {
        var admin = await app.SignUpAsync();
        var unbilled = await CreateAsync(admin, "Pro bono", false);
        var billable = await CreateAsync(admin, "Contoso", true);

        var madeBillable = await admin.LogAsync(ClientTime(unbilled.Id, billable: true));
        var madeUnbilled = await admin.LogAsync(ClientTime(billable.Id, billable: false));

        (madeBillable.Billable, madeUnbilled.Billable).ShouldBe((true, false));
    }

    [Fact]
    public async Task Changing_a_clients_default_leaves_time_already_logged_as_it_was()
    {
        var admin = await app.SignUpAsync();
        var client = await CreateAsync(admin, "Contoso", null);
        var before = await admin.LogAsync(ClientTime(client.Id));

        await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest(client.Name, null, null, client.Currency, null, client.ConcurrencyStamp, false))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await admin.GetEntryAsync(before.Id)).Billable.ShouldBeTrue();
        (await admin.LogAsync(ClientTime(client.Id))).Billable.ShouldBeFalse();
    }
}

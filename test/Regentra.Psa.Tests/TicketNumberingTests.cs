using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>Ticket numbers under load: one tenant, many simultaneous creators, numbers 1..n exactly once.</summary>
public sealed class TicketNumberingTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Twenty_tickets_created_at_once_get_the_numbers_one_to_twenty_without_gaps_or_duplicates()
    {
        var admin = await app.SignUpAsync();
        var creators = new[] { admin, await admin.AddMemberAsync("Technician"), await admin.AddMemberAsync("Manager") };
        var clients = new[] { await admin.CreateClientAsync(), await admin.CreateClientAsync(), await admin.CreateClientAsync() };
        var other = await app.SignUpAsync();
        var otherClient = await other.CreateClientAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            creators[i % creators.Length].CreateTicketAsync(clients[i % clients.Length].Id, $"Parallel {i}"))));
        var otherTicket = await other.CreateTicketAsync(otherClient.Id);

        created.Select(t => t.Number).Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 20).Select(n => $"T-{n:D6}"));
        var listed = await admin.Client.GetAsync<Regentra.Framework.Paging.PagedResult<TicketDto>>("/api/psa/tickets?take=100&sort=number");
        listed.Items.Select(t => t.Number).ShouldBe(Enumerable.Range(1, 20).Select(n => $"T-{n:D6}"));
        otherTicket.Number.ShouldBe("T-000001");
    }

    [Fact]
    public async Task Tickets_created_at_once_in_two_organisations_are_numbered_separately()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        var (aClient, bClient) = (await a.CreateClientAsync(), await b.CreateClientAsync());

        var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
            (Even: i % 2 == 0, Ticket: await (i % 2 == 0 ? a : b).CreateTicketAsync(i % 2 == 0 ? aClient.Id : bClient.Id)))));

        foreach (var inA in new[] { true, false })
        {
            created.Where(c => c.Even == inA).Select(c => c.Ticket.Number).Order(StringComparer.Ordinal)
                .ShouldBe(Enumerable.Range(1, 5).Select(n => $"T-{n:D6}"));
        }
    }
}

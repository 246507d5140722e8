using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Another organisation's time does not exist: every id answers 404, lists and the queue never show it, and nothing of it changes.</summary>
public sealed class TimeEntryCrossTenantTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private sealed record TenantA(TenantSession Admin, TimeEntryDto Draft, TimeEntryDto Submitted, TimeEntryDto Approved, Guid ClientId, Guid TicketId)
    {
        public TimeEntryDto[] All => [Draft, Submitted, Approved];
    }

    [Fact]
    public async Task Every_time_entry_endpoint_answers_404_for_another_tenants_entries()
    {
        var a = await ArrangeAsync();
        var b = await app.SignUpAsync();

        foreach (var entry in a.All)
        {
            HttpResponseMessage[] responses =
            [
                await b.Client.GetResponseAsync($"{TimeArrange.Entries}/{entry.Id}"),
                await b.Client.GetResponseAsync($"{TimeArrange.Entries}/{entry.Id}/history"),
                await b.PutEntryAsync(entry.Id, new UpdateTimeEntryRequest(null, null, PsaApi.Monday, 10, "Mine now", false, entry.ConcurrencyStamp)),
                await b.DeleteEntryAsync(entry.Id),
                await b.ReopenAsync(entry.Id),
            ];

            foreach (var response in responses)
            {
                (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
            }
        }

        await ShouldBeUnchangedAsync(a);
    }

    [Fact]
    public async Task Batch_actions_with_another_tenants_ids_answer_404_naming_each_and_change_nothing()
    {
        var a = await ArrangeAsync();
        var b = await app.SignUpAsync();
        var own = await b.LogAsync(PsaApi.InternalTime(submit: true));
        Guid[] ids = [own.Id, a.Draft.Id, a.Submitted.Id, a.Approved.Id];

        HttpResponseMessage[] responses = [await b.ActAsync("submit", ids), await b.ActAsync("approve", ids), await b.RejectAsync("Not ours", ids)];

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Errors!.Keys.ShouldBe(["ids[1]", "ids[2]", "ids[3]"], ignoreOrder: true);
        }

        (await b.GetEntryAsync(own.Id)).ShouldBe(own);
        await ShouldBeUnchangedAsync(a);
    }

    [Fact]
    public async Task Another_tenants_time_is_never_in_the_lists_or_the_queue()
    {
        var a = await ArrangeAsync();
        var b = await app.SignUpAsync();
        var own = await b.LogAsync(PsaApi.InternalTime(submit: true));

        var list = await b.ListTimeAsync($"technicianId={a.Admin.UserId}");
        var everything = await b.ListTimeAsync("take=1000");
        var queue = await b.ApprovalQueueAsync();
        var ticketTime = await b.Client.GetResponseAsync($"/api/psa/tickets/{a.TicketId}/time-entries");

        list.TotalCount.ShouldBe(0);
        everything.Items.Select(e => e.Id).ShouldBe([own.Id]);
        queue.Items.Select(e => e.Id).ShouldBe([own.Id]);
        queue.Groups.ShouldHaveSingleItem().TechnicianId.ShouldBe(b.UserId);
        (await ticketTime.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task Time_cannot_be_logged_on_another_tenants_ticket_or_client()
    {
        var a = await ArrangeAsync();
        var b = await app.SignUpAsync();

        var onTicket = await b.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.TicketTime(a.TicketId));
        var forClient = await b.PostBulkAsync([PsaApi.InternalTime(), PsaApi.ClientTime(a.ClientId)]);

        (await onTicket.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["ticketId"]);
        (await forClient.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["entries[1].clientId"]);
        (await b.ListTimeAsync()).TotalCount.ShouldBe(0);
    }

    private async Task<TenantA> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var draft = await admin.LogAsync(PsaApi.TicketTime(ticket.Id));
        var submitted = await admin.LogAsync(PsaApi.ClientTime(client.Id, submit: true));
        var approved = await admin.LogApprovedEntryAsync(admin, PsaApi.InternalTime()); // the only member approves their own time
        return new TenantA(admin, draft, submitted, approved, client.Id, ticket.Id);
    }

    private static async Task ShouldBeUnchangedAsync(TenantA a)
    {
        foreach (var entry in a.All)
        {
            (await a.Admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
        }
    }
}

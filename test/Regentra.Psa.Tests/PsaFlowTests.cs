using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>The seed product page's flow end to end: ticket → log time → submit → approve.</summary>
public sealed class PsaFlowTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task A_technicians_time_on_a_ticket_is_submitted_and_approved_by_a_manager()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync("Contoso");
        var ticket = await technician.CreateTicketAsync(client.Id);

        var entry = await technician.LogAsync(PsaApi.TicketTime(ticket.Id, 90, submit: true));
        var approved = await (await manager.ActAsync("approve", entry.Id)).ReadAsync<TimeEntriesChangedResponse>();

        entry.Status.ShouldBe(TimeEntryStatus.Submitted);
        (entry.TicketNumber, entry.ClientName, entry.TechnicianName).ShouldBe((ticket.Number, "Contoso", "Technician Person"));
        approved.Entries.ShouldHaveSingleItem().Status.ShouldBe(TimeEntryStatus.Approved);
        var history = await technician.Client.GetAsync<List<TimeEntryTransitionDto>>($"/api/psa/time-entries/{entry.Id}/history");
        history.Select(h => (h.Action, h.To, h.ActorName)).ShouldBe(
        [
            ("Created", TimeEntryStatus.Draft, "Technician Person"),
            ("Submitted", TimeEntryStatus.Submitted, "Technician Person"),
            ("Approved", TimeEntryStatus.Approved, "Manager Person"),
        ]);
    }
}

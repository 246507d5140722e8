using System.Net;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.TestBase;

/// <summary>Shortcuts for arranging PSA data through the API, as a client would.</summary>
public static class PsaApi
{
    /// <summary>A date inside the allowed window whatever the test clock says (the clock starts 2026-03-02).</summary>
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static async Task<ClientDto> CreateClientAsync(this TenantSession session, string? name = null, string? currency = null) =>
        await (await session.Client.PostJsonAsync("/api/psa/clients",
                new CreateClientRequest(name ?? $"Client {Guid.NewGuid():N}"[..20], "billing@client.test", "1 Main Street", currency, null)))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);

    public static async Task<TicketDetailDto> CreateTicketAsync(this TenantSession session, Guid clientId, string title = "Printer on fire", Guid? assigneeId = null) =>
        await (await session.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(clientId, title, null, TicketPriority.Normal, assigneeId)))
            .ReadAsync<TicketDetailDto>(HttpStatusCode.Created);

    public static LogTimeEntryRequest TicketTime(Guid ticketId, int minutes = 60, DateOnly? date = null, bool submit = false, bool? billable = null) =>
        new(ticketId, null, date ?? Monday, minutes, "Worked on it", billable, submit);

    public static LogTimeEntryRequest ClientTime(Guid clientId, int minutes = 60, DateOnly? date = null, bool submit = false, bool? billable = null) =>
        new(null, clientId, date ?? Monday, minutes, "Site visit", billable, submit);

    public static LogTimeEntryRequest InternalTime(int minutes = 60, DateOnly? date = null, bool submit = false) =>
        new(null, null, date ?? Monday, minutes, "Training", false, submit);

    public static async Task<TimeEntryDto> LogAsync(this TenantSession session, LogTimeEntryRequest request) =>
        await (await session.Client.PostJsonAsync("/api/psa/time-entries", request)).ReadAsync<TimeEntryDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ActAsync(this TenantSession session, string action, params Guid[] ids) =>
        session.Client.PostJsonAsync($"/api/psa/time-entries/{action}", new TimeEntryIdsRequest(ids));

    public static Task<HttpResponseMessage> RejectAsync(this TenantSession session, string reason, params Guid[] ids) =>
        session.Client.PostJsonAsync("/api/psa/time-entries/reject", new RejectTimeEntriesRequest(ids, reason));

    public static Task<TimeEntryDto> GetEntryAsync(this TenantSession session, Guid id) =>
        session.Client.GetAsync<TimeEntryDto>($"/api/psa/time-entries/{id}");
}

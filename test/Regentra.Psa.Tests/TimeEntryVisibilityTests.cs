using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Technicians see their own time only (others' is "not found"); managers and read-only auditors see everyone's; who may log and review.</summary>
public sealed class TimeEntryVisibilityTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private sealed record Cast(TenantSession Admin, TenantSession Technician, TenantSession Colleague, TimeEntryDto Own, TimeEntryDto Theirs, Guid TicketId);

    [Fact]
    public async Task A_technician_sees_only_their_own_time_and_others_entries_are_not_found()
    {
        var cast = await ArrangeAsync();
        var (technician, theirs) = (cast.Technician, cast.Theirs);

        var list = await technician.ListTimeAsync();
        var filteredToColleague = await technician.ListTimeAsync($"technicianId={cast.Colleague.UserId}");
        var ticketTime = await technician.Client.GetAsync<PagedResult<TimeEntryDto>>($"/api/psa/tickets/{cast.TicketId}/time-entries");

        list.Items.Select(e => e.Id).ShouldBe([cast.Own.Id]);
        filteredToColleague.TotalCount.ShouldBe(0);
        ticketTime.Items.Select(e => e.Id).ShouldBe([cast.Own.Id]);
        foreach (var url in new[] { $"{TimeArrange.Entries}/{theirs.Id}", $"{TimeArrange.Entries}/{theirs.Id}/history" })
        {
            (await (await technician.Client.GetResponseAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        (await technician.PutEntryAsync(theirs.Id, theirs.AsUpdate())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await technician.DeleteEntryAsync(theirs.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cast.Colleague.GetEntryAsync(theirs.Id)).ShouldBe(theirs);
    }

    public static TheoryData<string> SeeEveryone => new("Manager", "ReadOnly", "Admin");

    [Theory]
    [MemberData(nameof(SeeEveryone))]
    public async Task Managers_auditors_and_admins_see_everyones_time(string role)
    {
        var cast = await ArrangeAsync();
        var viewer = role == "Admin" ? cast.Admin : await cast.Admin.AddMemberAsync(role);

        var list = await viewer.ListTimeAsync();
        var ticketTime = await viewer.Client.GetAsync<PagedResult<TimeEntryDto>>($"/api/psa/tickets/{cast.TicketId}/time-entries");

        list.Items.Select(e => e.Id).ShouldBe([cast.Own.Id, cast.Theirs.Id], ignoreOrder: true);
        ticketTime.TotalCount.ShouldBe(2);
        (await viewer.GetEntryAsync(cast.Theirs.Id)).ShouldBe(cast.Theirs);
        (await viewer.HistoryAsync(cast.Theirs.Id)).Select(h => (h.Action, h.ActorName)).ShouldBe([("Created", "Colleague Person"), ("Submitted", "Colleague Person")]);
    }

    [Fact]
    public async Task A_read_only_member_can_neither_log_nor_review_time()
    {
        var cast = await ArrangeAsync();
        var auditor = await cast.Admin.AddMemberAsync("ReadOnly");
        var before = (await cast.Admin.ListTimeAsync()).TotalCount;

        HttpResponseMessage[] responses =
        [
            await auditor.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime()),
            await auditor.PostBulkAsync([PsaApi.InternalTime()]),
            await auditor.ActAsync("submit", cast.Own.Id),
            await auditor.ActAsync("approve", cast.Own.Id),
            await auditor.RejectAsync("No", cast.Own.Id),
            await auditor.ReopenAsync(cast.Own.Id),
            await auditor.PutEntryAsync(cast.Own.Id, cast.Own.AsUpdate()),
            await auditor.DeleteEntryAsync(cast.Own.Id),
            await auditor.Client.GetResponseAsync("/api/psa/approvals"),
        ];

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Security:PermissionDenied");
        }

        (await cast.Admin.ListTimeAsync()).TotalCount.ShouldBe(before);
    }

    [Fact]
    public async Task A_technician_cannot_open_the_approval_queue_or_review()
    {
        var cast = await ArrangeAsync();

        var queue = await cast.Technician.Client.GetResponseAsync("/api/psa/approvals");
        var approve = await cast.Technician.ActAsync("approve", cast.Theirs.Id);

        var problem = await queue.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain("Psa.TimeEntries.Approve");
        (await approve.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Security:PermissionDenied");
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var anonymous = app.CreateClient();

        var responses = new[]
        {
            await anonymous.GetResponseAsync(TimeArrange.Entries),
            await anonymous.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime()),
            await anonymous.GetResponseAsync("/api/psa/approvals"),
        };

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
        }
    }

    private async Task<Cast> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var colleague = await admin.AddMemberAsync("Technician", "Colleague Person");
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var own = await technician.LogAsync(PsaApi.TicketTime(ticket.Id));
        var theirs = await colleague.LogAsync(PsaApi.TicketTime(ticket.Id, submit: true));
        return new Cast(admin, technician, colleague, own, theirs, ticket.Id);
    }
}

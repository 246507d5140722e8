using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/approvals: one line per technician with totals, and a page of Submitted entries, oldest first.</summary>
public sealed class ApprovalQueueTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Monday = PsaApi.Monday;

    [Fact]
    public async Task The_queue_totals_each_technicians_submitted_time_and_lists_the_oldest_work_first()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var zoe = await admin.AddMemberAsync("Technician", "zoe Technician");
        var bea = await admin.AddMemberAsync("Technician", "Bea Technician");
        var client = await admin.CreateClientAsync();
        var beaNewest = await bea.LogAsync(PsaApi.ClientTime(client.Id, 60, Monday, submit: true));
        var beaOldest = await bea.LogAsync(PsaApi.InternalTime(30, Monday.AddDays(-3), submit: true));
        var beaNotBillable = await bea.LogAsync(PsaApi.ClientTime(client.Id, 15, Monday.AddDays(-1), submit: true, billable: false));
        var zoeOnly = await zoe.LogAsync(PsaApi.ClientTime(client.Id, 45, Monday.AddDays(-2), submit: true));
        await bea.LogAsync(PsaApi.ClientTime(client.Id, 600, Monday.AddDays(-5)));
        await zoe.LogApprovedEntryAsync(manager, PsaApi.ClientTime(client.Id, 120, Monday.AddDays(-6)));

        var queue = await manager.ApprovalQueueAsync();

        queue.Groups.ShouldBe(
        [
            new ApprovalGroupDto(bea.UserId, "Bea Technician", 3, 105, 60, Monday.AddDays(-3)),
            new ApprovalGroupDto(zoe.UserId, "zoe Technician", 1, 45, 45, Monday.AddDays(-2)),
        ]);
        queue.TotalCount.ShouldBe(4);
        queue.Items.Select(e => e.Id).ShouldBe([beaOldest.Id, zoeOnly.Id, beaNotBillable.Id, beaNewest.Id]);
        queue.Items.ShouldAllBe(e => e.Status == TimeEntryStatus.Submitted);
    }

    [Fact]
    public async Task The_queue_pages_its_entries_and_filters_them_by_technician_while_keeping_every_group()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var first = await admin.AddMemberAsync("Technician", "Ann Technician");
        var second = await admin.AddMemberAsync("Technician", "Ben Technician");
        var firsts = (await first.LogManyAsync(Enumerable.Range(0, 5).Select(i => PsaApi.InternalTime(10, Monday.AddDays(-i), submit: true)).ToArray())).Entries;
        await second.LogAsync(PsaApi.InternalTime(10, Monday.AddDays(-10), submit: true));

        var page = await manager.ApprovalQueueAsync($"technicianId={first.UserId}&skip=1&take=2");
        var secondOnly = await manager.ApprovalQueueAsync($"technicianId={second.UserId}");

        page.TotalCount.ShouldBe(5);
        page.Items.Select(e => e.Id).ShouldBe([firsts[3].Id, firsts[2].Id]);
        page.Groups.Select(g => (g.TechnicianName, g.EntryCount)).ShouldBe([("Ann Technician", 5), ("Ben Technician", 1)]);
        secondOnly.Items.ShouldHaveSingleItem().TechnicianId.ShouldBe(second.UserId);
    }

    [Fact]
    public async Task Reviewed_entries_leave_the_queue_and_reopened_ones_come_back()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var approved = await technician.LogAsync(PsaApi.InternalTime(20, Monday.AddDays(-1), submit: true));
        var rejected = await technician.LogAsync(PsaApi.InternalTime(30, submit: true));
        var waiting = await technician.LogAsync(PsaApi.InternalTime(40, submit: true));
        await (await manager.ActAsync("approve", approved.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await manager.RejectAsync("Why?", rejected.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var afterReview = await manager.ApprovalQueueAsync();
        await (await manager.ReopenAsync(approved.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var afterReopen = await manager.ApprovalQueueAsync();

        afterReview.Items.Select(e => e.Id).ShouldBe([waiting.Id]);
        afterReview.Groups.ShouldHaveSingleItem().TotalMinutes.ShouldBe(40);
        afterReopen.Items.Select(e => e.Id).ShouldBe([approved.Id, waiting.Id]);
        afterReopen.Groups.ShouldHaveSingleItem().TotalMinutes.ShouldBe(60);
    }

    [Fact]
    public async Task An_empty_queue_has_no_groups()
    {
        var admin = await app.SignUpAsync();
        await admin.LogAsync(PsaApi.InternalTime());

        var queue = await admin.ApprovalQueueAsync();

        (queue.Groups.Count, queue.Items.Count, queue.TotalCount).ShouldBe((0, 0, 0));
    }
}

using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Rejection reasons, resubmission, reopening, self-approval and the history an entry keeps of all of it.</summary>
public sealed class WorkflowRulesTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    public static TheoryData<string?> MissingReasons => new(null, "", "   ", new string('x', 1001));

    [Theory]
    [MemberData(nameof(MissingReasons))]
    public async Task A_rejection_needs_a_reason_of_at_most_1000_characters(string? reason)
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var entry = await technician.LogAsync(PsaApi.InternalTime(submit: true));

        var response = await admin.RejectAsync(reason!, entry.Id);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["reason"]);
        (await admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
    }

    [Fact]
    public async Task A_rejected_entry_keeps_its_reason_until_it_is_edited_and_submitted_again()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();
        var entry = await technician.LogAsync(PsaApi.ClientTime(client.Id, submit: true));

        var rejected = (await (await manager.RejectAsync("  Which site was this?  ", entry.Id)).ReadAsync<TimeEntriesChangedResponse>()).Entries.Single();
        var edited = await (await technician.PutEntryAsync(entry.Id, rejected.AsUpdate() with { Description = "Site visit in Leeds" })).ReadAsync<TimeEntryDto>();
        var resubmitted = (await (await technician.ActAsync("submit", entry.Id)).ReadAsync<TimeEntriesChangedResponse>()).Entries.Single();
        var approved = (await (await manager.ActAsync("approve", entry.Id)).ReadAsync<TimeEntriesChangedResponse>()).Entries.Single();

        (rejected.Status, rejected.RejectionReason).ShouldBe((TimeEntryStatus.Rejected, "Which site was this?"));
        (edited.Status, edited.RejectionReason, edited.Description).ShouldBe((TimeEntryStatus.Rejected, "Which site was this?", "Site visit in Leeds"));
        (resubmitted.Status, resubmitted.RejectionReason).ShouldBe((TimeEntryStatus.Submitted, null));
        approved.Status.ShouldBe(TimeEntryStatus.Approved);
    }

    [Fact]
    public async Task Reopening_returns_an_approved_entry_to_the_queue()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");
        var entry = await technician.LogApprovedEntryAsync(manager, PsaApi.InternalTime());
        var queueBefore = await manager.ApprovalQueueAsync();

        var reopened = await (await manager.ReopenAsync(entry.Id)).ReadAsync<TimeEntryDto>();

        queueBefore.TotalCount.ShouldBe(0);
        reopened.Status.ShouldBe(TimeEntryStatus.Submitted);
        (await manager.ApprovalQueueAsync()).Items.ShouldHaveSingleItem().Id.ShouldBe(entry.Id);
        (await technician.PutEntryAsync(entry.Id, reopened.AsUpdate())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await manager.ActAsync("approve", entry.Id)).ReadAsync<TimeEntriesChangedResponse>()).Entries.Single().Status.ShouldBe(TimeEntryStatus.Approved);
    }

    [Fact]
    public async Task The_only_member_of_an_organisation_approves_their_own_time()
    {
        var admin = await app.SignUpAsync();
        var entry = await admin.LogAsync(PsaApi.InternalTime(submit: true));

        var approved = await admin.ActAsync("approve", entry.Id);
        var reopened = await admin.ReopenAsync(entry.Id);
        var rejected = await admin.RejectAsync("Wrong day", entry.Id);

        await approved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await reopened.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await rejected.ReadAsync<TimeEntriesChangedResponse>()).Entries.Single().Status.ShouldBe(TimeEntryStatus.Rejected);
    }

    [Fact]
    public async Task With_a_second_member_self_approval_needs_the_setting_and_a_deactivated_member_does_not_count()
    {
        var admin = await app.SignUpAsync();
        var entry = await admin.LogAsync(PsaApi.InternalTime(submit: true));
        var (memberId, _) = await admin.JoinAsync("Technician");

        var refused = await admin.ActAsync("approve", entry.Id);
        await admin.SetSelfApprovalAsync(true);
        var allowedBySetting = await admin.ActAsync("approve", entry.Id);
        await admin.SetSelfApprovalAsync(false);
        var refusedAgain = await admin.ReopenAsync(entry.Id);
        await (await admin.Client.CallAsync(HttpMethod.Post, $"/api/saas/users/{memberId}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var aloneAgain = await admin.ReopenAsync(entry.Id);

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        (problem.Code, problem.Errors!.Keys.Single()).ShouldBe(("Psa:TimeEntry.SelfApprovalNotAllowed", "ids[0]"));
        await allowedBySetting.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await refusedAgain.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Psa:TimeEntry.SelfApprovalNotAllowed");
        (await aloneAgain.ReadAsync<TimeEntryDto>()).Status.ShouldBe(TimeEntryStatus.Submitted);
    }

    [Fact]
    public async Task Every_transition_is_in_the_history_in_order_with_who_and_why()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager", "Mia Manager");
        var technician = await admin.AddMemberAsync("Technician", "Tom Technician");
        var client = await admin.CreateClientAsync();
        var entry = await technician.LogAsync(PsaApi.ClientTime(client.Id, submit: true));
        await Step(() => manager.RejectAsync("Which site?", entry.Id));
        await Step(async () => await technician.PutEntryAsync(entry.Id, (await technician.GetEntryAsync(entry.Id)).AsUpdate() with { DurationMinutes = 90 }));
        await Step(() => technician.ActAsync("submit", entry.Id));
        await Step(() => manager.ActAsync("approve", entry.Id));
        await Step(() => admin.ReopenAsync(entry.Id));
        await Step(() => admin.ActAsync("approve", entry.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var invoiceId = await app.InvoiceAsync(admin.TenantId, [entry.Id]);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var invoiced = await app.InvoicedTimeOfAsync(invoiceId, [entry.Id]);
        await app.InBillingTransactionAsync(admin.TenantId, source => source.ReleaseAsync(invoiced));

        var history = await technician.HistoryAsync(entry.Id);

        history.Select(h => (h.Action, h.From, h.To, h.ActorName, h.Reason)).ShouldBe(
        [
            ("Created", null, TimeEntryStatus.Draft, "Tom Technician", null),
            ("Submitted", TimeEntryStatus.Draft, TimeEntryStatus.Submitted, "Tom Technician", null),
            ("Rejected", TimeEntryStatus.Submitted, TimeEntryStatus.Rejected, "Mia Manager", "Which site?"),
            ("Submitted", TimeEntryStatus.Rejected, TimeEntryStatus.Submitted, "Tom Technician", null),
            ("Approved", TimeEntryStatus.Submitted, TimeEntryStatus.Approved, "Mia Manager", null),
            ("Reopened", TimeEntryStatus.Approved, TimeEntryStatus.Submitted, "Ada Admin", null),
            ("Approved", TimeEntryStatus.Submitted, TimeEntryStatus.Approved, "Ada Admin", null),
            ("Invoiced", TimeEntryStatus.Approved, TimeEntryStatus.Approved, "Regentra (automatic)", null),
            ("Released", TimeEntryStatus.Approved, TimeEntryStatus.Approved, "Regentra (automatic)", null),
        ]);
        history.Select(h => h.ActorId).Take(4).ShouldBe([technician.UserId, technician.UserId, manager.UserId, technician.UserId]);
        history.Select(h => h.At).ShouldBeInOrder(SortDirection.Ascending);
        history.Select(h => h.At).Distinct().Count().ShouldBe(8, "the creation and the first submit share a moment; every later step is a minute apart");
    }

    // Each step a minute after the previous one, so the history's timestamps tell the order too.
    private async Task Step(Func<Task<HttpResponseMessage>> act)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await act()).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}

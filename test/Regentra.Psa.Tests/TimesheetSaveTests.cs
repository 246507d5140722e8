using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>POST /api/psa/time-entries/timesheet: a week's new, changed and cleared cells saved together or not at all.</summary>
public sealed class TimesheetSaveTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string Url = $"{TimeArrange.Entries}/timesheet";
    private static readonly DateOnly Monday = PsaApi.Monday;

    private static TimesheetRowRequest New(LogTimeEntryRequest r) =>
        new(null, null, r.TicketId, r.ClientId, r.WorkDate, r.DurationMinutes, r.Description, r.Billable, r.Submit);

    private static TimesheetRowRequest Change(TimeEntryDto e, int? minutes = null, string? description = null, bool submit = false) =>
        new(e.Id, e.ConcurrencyStamp, e.TicketId, e.TicketId is null ? e.ClientId : null, e.WorkDate, minutes ?? e.DurationMinutes,
            description ?? e.Description, e.Billable, submit);

    private static TimesheetDeleteRequest Delete(TimeEntryDto e) => new(e.Id, e.ConcurrencyStamp);

    private static Task<HttpResponseMessage> SaveAsync(TenantSession session, TimesheetRowRequest[] rows, TimesheetDeleteRequest[]? deletes = null) =>
        session.Client.PostJsonAsync(Url, new SaveTimesheetRequest(rows, deletes));

    [Fact]
    public async Task New_changed_and_cleared_cells_are_saved_together()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var kept = await technician.LogAsync(PsaApi.TicketTime(ticket.Id, minutes: 30));
        var cleared = await technician.LogAsync(PsaApi.ClientTime(client.Id, minutes: 45, date: Monday.AddDays(-1)));

        var saved = await (await SaveAsync(technician,
            [
                New(PsaApi.InternalTime(minutes: 60, date: Monday.AddDays(-2))),
                Change(kept, minutes: 90, description: "Replaced the fuser", submit: true),
                New(PsaApi.ClientTime(client.Id, minutes: 15, submit: true)),
            ],
            [Delete(cleared)])).ReadAsync<SaveTimesheetResponse>();

        saved.Entries.Select(e => (e.Kind, e.DurationMinutes, e.Status)).ShouldBe(
        [
            ("Internal", 60, TimeEntryStatus.Draft), ("Ticket", 90, TimeEntryStatus.Submitted), ("Client", 15, TimeEntryStatus.Submitted),
        ]);
        saved.Entries[1].Id.ShouldBe(kept.Id);
        saved.Entries[1].Description.ShouldBe("Replaced the fuser");
        saved.Entries[1].ConcurrencyStamp.ShouldNotBe(kept.ConcurrencyStamp);
        saved.DeletedIds.ShouldBe([cleared.Id]);
        (await technician.ListTimeAsync()).Items.Select(e => e.Id).ShouldBe(saved.Entries.Select(e => e.Id), ignoreOrder: true);
        (await technician.HistoryAsync(kept.Id)).Select(h => h.Action).ShouldBe(["Created", "Submitted"]);
    }

    [Fact]
    public async Task A_rejected_entry_is_changed_and_resubmitted_in_the_same_save()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var entry = await technician.LogAsync(PsaApi.InternalTime(submit: true));
        await (await admin.RejectAsync("Split it per day", entry.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var rejected = await technician.GetEntryAsync(entry.Id);

        var saved = await (await SaveAsync(technician, [Change(rejected, minutes: 30, submit: true)])).ReadAsync<SaveTimesheetResponse>();

        saved.Entries.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Status.ShouldBe(TimeEntryStatus.Submitted), e => e.DurationMinutes.ShouldBe(30), e => e.RejectionReason.ShouldBeNull());
    }

    [Fact]
    public async Task One_bad_row_names_its_cell_and_nothing_is_created_changed_or_deleted()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var changed = await admin.LogAsync(PsaApi.ClientTime(client.Id, minutes: 30));
        var deleted = await admin.LogAsync(PsaApi.ClientTime(client.Id, minutes: 30, date: Monday.AddDays(-1)));
        var before = await app.CountAsync<TimeEntry>();

        var response = await SaveAsync(admin,
            [
                Change(changed, minutes: 120),
                New(PsaApi.InternalTime() with { Billable = true }),
                New(PsaApi.ClientTime(client.Id, minutes: 60) with { Description = " " }),
            ],
            [Delete(deleted)]);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe(["entries[1].billable", "entries[2].description"], ignoreOrder: true);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await admin.GetEntryAsync(changed.Id)).ShouldBe(changed);
        (await admin.GetEntryAsync(deleted.Id)).ShouldBe(deleted);
    }

    [Fact]
    public async Task The_24_hours_of_a_day_count_the_week_as_it_will_be()
    {
        var admin = await app.SignUpAsync();
        var big = await admin.LogAsync(PsaApi.InternalTime(minutes: 1200));
        var other = await admin.LogAsync(PsaApi.InternalTime(minutes: 200));

        // Shrinking one entry and deleting the other makes room that a plain bulk log would not see.
        var fits = await SaveAsync(admin, [Change(big, minutes: 600), New(PsaApi.InternalTime(minutes: 840))], [Delete(other)]);
        await fits.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var tooMuch = await SaveAsync(admin, [New(PsaApi.InternalTime(minutes: 780)), New(PsaApi.InternalTime(minutes: 780, date: Monday.AddDays(-1)))]);
        var problem = await tooMuch.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["entries[0].durationMinutes"]);
        problem.Errors["entries[0].durationMinutes"].ShouldHaveSingleItem().ShouldContain("a day has 24 hours");
    }

    [Fact]
    public async Task Entries_that_can_no_longer_change_are_refused_with_their_code_and_nothing_is_saved()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var submitted = await technician.LogAsync(PsaApi.InternalTime(submit: true));
        var approved = await technician.LogApprovedEntryAsync(admin, PsaApi.InternalTime(date: Monday.AddDays(-1)));
        var before = await app.CountAsync<TimeEntry>();

        var response = await SaveAsync(technician, [New(PsaApi.InternalTime(minutes: 5)), Change(submitted, minutes: 5)], [Delete(approved)]);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(PsaErrorCodes.TimeEntryNotEditable);
        problem.Errors!.Keys.ShouldBe(["entries[1].id", "deletes[0].id"], ignoreOrder: true);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await technician.GetEntryAsync(submitted.Id)).DurationMinutes.ShouldBe(60);
    }

    [Fact]
    public async Task A_stale_stamp_answers_409_and_saves_nothing()
    {
        var admin = await app.SignUpAsync();
        var entry = await admin.LogAsync(PsaApi.InternalTime());
        await (await admin.PutEntryAsync(entry.Id, entry.AsUpdate() with { DurationMinutes = 45 })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var before = await app.CountAsync<TimeEntry>();

        var response = await SaveAsync(admin, [New(PsaApi.InternalTime(minutes: 5)), Change(entry, minutes: 30)]);

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await admin.GetEntryAsync(entry.Id)).DurationMinutes.ShouldBe(45);
    }

    [Fact]
    public async Task Ids_must_be_your_own_once_each_with_their_stamp()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var mine = await technician.LogAsync(PsaApi.InternalTime());
        var theirs = await admin.LogAsync(PsaApi.InternalTime());

        var response = await SaveAsync(technician,
            [Change(mine), Change(theirs), Change(mine) with { DurationMinutes = 5 }, Change(mine, minutes: 10) with { Id = Guid.NewGuid() }],
            [new TimesheetDeleteRequest(mine.Id, null), new TimesheetDeleteRequest(null, "x")]);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(
            ["entries[1].id", "entries[2].id", "entries[3].id", "deletes[0].id", "deletes[1].id"], ignoreOrder: true);
        (await technician.GetEntryAsync(mine.Id)).ShouldBe(mine);
    }

    [Fact]
    public async Task A_reviewer_cannot_change_someone_elses_time_through_the_timesheet()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var theirs = await technician.LogAsync(PsaApi.InternalTime());

        var response = await SaveAsync(admin, [Change(theirs, minutes: 1)], [Delete(theirs)]);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["entries[0].id", "deletes[0].id"], ignoreOrder: true);
        (await technician.GetEntryAsync(theirs.Id)).ShouldBe(theirs);
    }

    public static TheoryData<int> WrongCounts => new(0, 1001);

    [Theory]
    [MemberData(nameof(WrongCounts))]
    public async Task Nothing_or_more_than_1000_changes_are_refused_as_a_whole(int count)
    {
        var admin = await app.SignUpAsync();
        var rows = Enumerable.Range(0, count).Select(_ => New(PsaApi.InternalTime(minutes: 1))).ToArray();

        var response = await SaveAsync(admin, rows);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["entries"]);
    }

    [Theory]
    [InlineData("ReadOnly")]
    [InlineData("Technician")]
    public async Task Saving_a_timesheet_needs_the_log_own_time_permission(string role)
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync(role);

        var response = await SaveAsync(member, [New(PsaApi.InternalTime())]);

        await response.ShouldHaveStatusAsync(role == "ReadOnly" ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_organisations_entries_and_clients_do_not_exist_for_the_timesheet()
    {
        var a = await app.SignUpAsync();
        var aClient = await a.CreateClientAsync();
        var aEntry = await a.LogAsync(PsaApi.ClientTime(aClient.Id));
        var b = await app.SignUpAsync();
        var before = await app.CountAsync<TimeEntry>();

        var response = await SaveAsync(b, [Change(aEntry, minutes: 1), New(PsaApi.ClientTime(aClient.Id))], [Delete(aEntry)]);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(
            ["entries[0].id", "entries[0].clientId", "entries[1].clientId", "deletes[0].id"], ignoreOrder: true);
        (await app.CountAsync<TimeEntry>()).ShouldBe(before);
        (await a.GetEntryAsync(aEntry.Id)).ShouldBe(aEntry);
    }
}

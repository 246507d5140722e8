using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Workflow actions on many entries: all move or none does, and every refusal is named by its position (ids[i]).</summary>
public sealed class WorkflowBatchTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Approving_a_submitted_and_a_draft_entry_changes_neither_and_names_the_draft()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var submitted = await technician.LogAsync(PsaApi.InternalTime(submit: true));
        var draft = await technician.LogAsync(PsaApi.InternalTime());
        var steps = await app.CountAsync<TimeEntryTransition>();

        var response = await admin.ActAsync("approve", submitted.Id, draft.Id);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe("Psa:TimeEntry.TransitionNotAllowed");
        problem.Errors!.Keys.ShouldBe(["ids[1]"]);
        (await admin.GetEntryAsync(submitted.Id)).ShouldBe(submitted);
        (await admin.GetEntryAsync(draft.Id)).ShouldBe(draft);
        (await app.CountAsync<TimeEntryTransition>()).ShouldBe(steps);
    }

    [Fact]
    public async Task Every_refused_entry_of_a_batch_is_named_and_the_first_refusal_gives_the_code()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var approved = await technician.LogApprovedEntryAsync(admin, PsaApi.InternalTime());
        var submitted = await technician.LogAsync(PsaApi.InternalTime(submit: true));
        var draft = await technician.LogAsync(PsaApi.InternalTime());
        var invoiced = await technician.LogApprovedEntryAsync(admin, PsaApi.ClientTime((await admin.CreateClientAsync()).Id));
        await app.InvoiceAsync(admin.TenantId, [invoiced.Id]);

        var response = await admin.RejectAsync("No", draft.Id, submitted.Id, approved.Id, invoiced.Id);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe("Psa:TimeEntry.TransitionNotAllowed");
        problem.Detail.ShouldBe("3 entries cannot change; nothing was changed.");
        problem.Errors!.Keys.ShouldBe(["ids[0]", "ids[2]", "ids[3]"], ignoreOrder: true);
        problem.Errors["ids[3]"].ShouldHaveSingleItem().ShouldContain("invoice");
        (await admin.GetEntryAsync(submitted.Id)).Status.ShouldBe(TimeEntryStatus.Submitted);
    }

    [Fact]
    public async Task A_batch_of_submitted_entries_is_approved_together_in_the_order_asked()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var entries = (await technician.LogManyAsync(Enumerable.Range(1, 5).Select(i => PsaApi.InternalTime(minutes: i, submit: true)).ToArray())).Entries;
        var ids = entries.Select(e => e.Id).Reverse().ToArray();

        var response = await (await admin.ActAsync("approve", ids)).ReadAsync<TimeEntriesChangedResponse>();

        response.Entries.Select(e => (e.Id, e.Status)).ShouldBe(ids.Select(id => (id, TimeEntryStatus.Approved)));
        (await admin.ListTimeAsync("status=Approved")).TotalCount.ShouldBe(5);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_naming_each_and_nothing_changes()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var submitted = await technician.LogAsync(PsaApi.InternalTime(submit: true));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        var approve = await admin.ActAsync("approve", first, submitted.Id, second);
        var submit = await technician.ActAsync("submit", submitted.Id, first);
        var reopen = await admin.ReopenAsync(first);

        var problem = await approve.ReadProblemAsync(HttpStatusCode.NotFound);
        problem.Code.ShouldBe("NotFound");
        problem.Errors!.Keys.ShouldBe(["ids[0]", "ids[2]"], ignoreOrder: true);
        problem.Errors["ids[2]"].ShouldHaveSingleItem().ShouldContain(second.ToString());
        (await submit.ReadProblemAsync(HttpStatusCode.NotFound)).Errors!.Keys.ShouldBe(["ids[1]"]);
        (await reopen.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        (await admin.GetEntryAsync(submitted.Id)).ShouldBe(submitted);
    }

    public static TheoryData<string> Actions => new("submit", "approve", "reject");

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Duplicate_ids_none_or_more_than_1000_are_refused(string action)
    {
        var admin = await app.SignUpAsync();
        var entry = await admin.LogAsync(PsaApi.InternalTime());
        var tooMany = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToArray();
        Guid[]?[] batches = [[entry.Id, entry.Id], [], tooMany, null];

        foreach (var ids in batches)
        {
            var response = await admin.Client.PostJsonAsync($"{TimeArrange.Entries}/{action}", new RejectTimeEntriesRequest(ids, "Reason"));

            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            (problem.Code, problem.Errors!.Keys.Single()).ShouldBe(("Validation", "ids"));
        }

        (await admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
    }

    [Fact]
    public async Task A_technician_submitting_own_and_a_colleagues_entry_is_told_the_colleagues_is_not_found()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var colleague = await admin.AddMemberAsync("Technician");
        var own = await technician.LogAsync(PsaApi.InternalTime());
        var theirs = await colleague.LogAsync(PsaApi.InternalTime());

        var response = await technician.ActAsync("submit", own.Id, theirs.Id);

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Errors!.Keys.ShouldBe(["ids[1]"]);
        (await technician.GetEntryAsync(own.Id)).Status.ShouldBe(TimeEntryStatus.Draft);
        (await colleague.GetEntryAsync(theirs.Id)).Status.ShouldBe(TimeEntryStatus.Draft);
    }
}

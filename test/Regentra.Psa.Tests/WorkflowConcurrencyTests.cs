using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>
/// Reviewers acting on the same entries at the same moment: each entry is reviewed exactly once, the loser is
/// told 409, and the history never shows a review twice. Several rounds, to give the requests every chance to interleave.
/// </summary>
public sealed class WorkflowConcurrencyTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const int Rounds = 5;
    private const int EntriesPerRound = 20;

    [Fact]
    public async Task Two_reviewers_approving_the_same_entries_at_once_approve_each_exactly_once()
    {
        var (first, second, technician) = await ArrangeAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var ids = await SubmittedAsync(technician, round);

            var responses = await Task.WhenAll(first.ActAsync("approve", ids), second.ActAsync("approve", Enumerable.Reverse(ids).ToArray()));

            await ShouldHaveOneWinnerAsync(responses);
            var entries = await technician.ListTimeAsync($"from={Day(round):yyyy-MM-dd}&to={Day(round).AddDays(1):yyyy-MM-dd}");
            entries.Items.ShouldAllBe(e => e.Status == TimeEntryStatus.Approved);
            foreach (var id in ids)
            {
                (await technician.HistoryAsync(id)).Count(h => h.Action == "Approved").ShouldBe(1);
            }
        }
    }

    [Fact]
    public async Task Approving_and_rejecting_the_same_entries_at_once_leaves_each_in_exactly_one_state_with_one_review()
    {
        var (first, second, technician) = await ArrangeAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var ids = await SubmittedAsync(technician, round);

            var responses = await Task.WhenAll(first.ActAsync("approve", ids), second.RejectAsync("Too vague", ids));

            await ShouldHaveOneWinnerAsync(responses);
            var winner = responses[0].IsSuccessStatusCode ? TimeEntryStatus.Approved : TimeEntryStatus.Rejected;
            foreach (var id in ids)
            {
                var history = await technician.HistoryAsync(id);
                history.Count(h => h.From == TimeEntryStatus.Submitted).ShouldBe(1);
                (history[^1].To, (await technician.GetEntryAsync(id)).Status).ShouldBe((winner, winner));
            }
        }
    }

    [Fact]
    public async Task An_update_with_a_stale_concurrency_stamp_is_a_conflict_and_keeps_the_other_change()
    {
        var (_, _, technician) = await ArrangeAsync();
        var read = await technician.LogAsync(PsaApi.InternalTime());
        var first = await (await technician.PutEntryAsync(read.Id, read.AsUpdate() with { DurationMinutes = 30 })).ReadAsync<TimeEntryDto>();

        var stale = await technician.PutEntryAsync(read.Id, read.AsUpdate() with { DurationMinutes = 45 });

        (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await technician.GetEntryAsync(read.Id)).ShouldBe(first);
    }

    [Fact]
    public async Task Two_updates_of_the_same_entry_at_once_save_one_and_refuse_the_other()
    {
        var (_, _, technician) = await ArrangeAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var read = await technician.LogAsync(PsaApi.InternalTime(minutes: 10, date: Day(round)));

            var responses = await Task.WhenAll(
                technician.PutEntryAsync(read.Id, read.AsUpdate() with { DurationMinutes = 30 }),
                technician.PutEntryAsync(read.Id, read.AsUpdate() with { DurationMinutes = 45 }));

            await ShouldHaveOneWinnerAsync(responses);
            var saved = await responses.Single(r => r.IsSuccessStatusCode).ReadAsync<TimeEntryDto>();
            (await technician.GetEntryAsync(read.Id)).ShouldBe(saved);
        }
    }

    private static DateOnly Day(int round) => PsaApi.Monday.AddDays(-round);

    private async Task<(TenantSession First, TenantSession Second, TenantSession Technician)> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        return (await admin.AddMemberAsync("Manager"), await admin.AddMemberAsync("Manager"), await admin.AddMemberAsync("Technician"));
    }

    private static async Task<Guid[]> SubmittedAsync(TenantSession technician, int round) =>
        (await technician.LogManyAsync(Enumerable.Range(0, EntriesPerRound).Select(_ => PsaApi.InternalTime(minutes: 5, date: Day(round), submit: true)).ToArray()))
        .Entries.Select(e => e.Id).ToArray();

    private static async Task ShouldHaveOneWinnerAsync(HttpResponseMessage[] responses)
    {
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        var problem = await responses.Single(r => !r.IsSuccessStatusCode).ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBeOneOf("Concurrency", "Psa:TimeEntry.TransitionNotAllowed");
    }
}

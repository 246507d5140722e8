namespace Regentra.Psa.Tests;

/// <summary>The 24-hour day holds under concurrency: a technician's writes take turns on their lock row.</summary>
public sealed class TimeEntryDailyLimitRaceTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Parallel_entries_for_one_day_never_add_up_to_more_than_24_hours()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            technician.Client.PostJsonAsync("/api/psa/time-entries", PsaApi.ClientTime(client.Id, 1000))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["durationMinutes"]);
        }
    }

    [Fact]
    public async Task Parallel_bulk_timesheets_for_the_same_days_never_overfill_a_day()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var client = await admin.CreateClientAsync();
        var sheet = new Regentra.Psa.Contracts.TimeEntries.BulkLogTimeEntriesRequest(
            [PsaApi.ClientTime(client.Id, 500), PsaApi.ClientTime(client.Id, 500, PsaApi.Monday.AddDays(-1))]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => technician.Client.PostJsonAsync("/api/psa/time-entries/bulk", sheet)));

        // Two sheets fit (1000 minutes a day); the third would make 1500.
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(2);
    }
}

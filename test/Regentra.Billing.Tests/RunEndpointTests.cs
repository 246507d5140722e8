using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Billing.Contracts.Runs;

namespace Regentra.Billing.Tests;

/// <summary>
/// POST/GET /api/billing/runs: what may be started, by whom, and in which organisation. No job server runs here,
/// so a started run stays queued: exactly the "already running" state the refusals are about.
/// </summary>
public sealed class RunEndpointTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task A_month_or_year_out_of_range_is_refused_and_starts_nothing()
    {
        var admin = await app.SignUpAsync();

        var month13 = await (await admin.StartRunAsync(2026, 13)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var year1999 = await (await admin.StartRunAsync(1999, 2)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var month0 = await (await admin.StartRunAsync(2026, 0)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await admin.Client.PostJsonAsync("/api/billing/runs", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        month13.Code.ShouldBe("Validation");
        month13.Errors!.Keys.ShouldBe(["month"]);
        year1999.Errors!.Keys.ShouldBe(["year"]);
        month0.Errors!.Keys.ShouldBe(["month"]);
        missing.Errors!.Keys.ShouldBe(["year", "month"], ignoreOrder: true);
        (await admin.Client.RunsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_month_that_has_not_closed_yet_in_the_organisations_time_zone_is_refused()
    {
        var admin = await app.SignUpAsync();

        var march = await (await admin.StartRunAsync(2026, 3)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var nextYear = await (await admin.StartRunAsync(2027, 1)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var february = await (await admin.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);

        march.Code.ShouldBe("Billing:Run.PeriodNotClosed");
        march.Errors!.Keys.ShouldBe(["month"]);
        nextYear.Code.ShouldBe("Billing:Run.PeriodNotClosed");
        (await admin.Client.RunsAsync()).Select(r => r.Id).ShouldBe([february.Id]);
    }

    [Fact]
    public async Task A_second_start_of_a_month_whose_run_is_in_progress_is_refused_until_that_run_has_gone_silent()
    {
        var admin = await app.SignUpAsync();
        var first = await (await admin.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);

        var again = await (await admin.StartRunAsync(2026, 2)).ReadProblemAsync(HttpStatusCode.Conflict);
        var otherMonth = await admin.StartRunAsync(2026, 1);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var resumed = await admin.StartRunAsync(2026, 2);

        again.Code.ShouldBe("Billing:Run.InProgress");
        again.Detail!.ShouldContain(first.Id.ToString());
        await otherMonth.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        (await resumed.ReadAsync<BillingRunDto>(HttpStatusCode.Accepted)).Id.ShouldBe(first.Id);
        (await admin.Client.RunsAsync()).Count(r => r.Month == 2).ShouldBe(1);
        EnqueuedRunIds().Count(id => id == first.Id).ShouldBe(2);
    }

    [Fact]
    public async Task Starting_the_same_month_several_times_at_once_starts_one_run_and_refuses_the_others()
    {
        var admin = await app.SignUpAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.StartRunAsync(2026, 2)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(1, string.Join(", ", statuses));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Billing:Run.InProgress");
        }

        var run = (await admin.Client.RunsAsync()).ShouldHaveSingleItem();
        EnqueuedRunIds().Count(id => id == run.Id).ShouldBe(1);
    }

    [Theory]
    [InlineData("Manager", true)]
    [InlineData("Technician", false)]
    [InlineData("ReadOnly", false)]
    public async Task Only_members_allowed_month_end_runs_may_see_and_start_them(string role, bool allowed)
    {
        var admin = await app.SignUpAsync();
        var run = await (await admin.StartRunAsync(2026, 1)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        var member = await admin.AddMemberAsync(role);

        var responses = new[]
        {
            await member.StartRunAsync(2026, 2),
            await member.Client.GetResponseAsync("/api/billing/runs"),
            await member.Client.GetResponseAsync($"/api/billing/runs/{run.Id}"),
        };

        if (allowed)
        {
            await responses[0].ShouldHaveStatusAsync(HttpStatusCode.Accepted);
            (await responses[1].ReadAsync<Regentra.Framework.Paging.PagedResult<BillingRunDto>>()).TotalCount.ShouldBe(2);
            (await responses[2].ReadAsync<BillingRunDetailDto>()).Run.Id.ShouldBe(run.Id);
            return;
        }

        foreach (var response in responses)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
            problem.Code.ShouldBe("Security:PermissionDenied");
            problem.Detail!.ShouldContain("Billing.Runs");
        }

        (await admin.Client.RunsAsync()).Select(r => r.Id).ShouldBe([run.Id]);
    }

    [Fact]
    public async Task An_organisation_never_sees_nor_reaches_another_organisations_runs()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        var aRun = await (await a.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);

        var peek = await b.Client.GetResponseAsync($"/api/billing/runs/{aRun.Id}");
        var bList = await b.Client.RunsAsync();
        var bRun = await (await b.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);

        (await peek.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        bList.ShouldBeEmpty();
        bRun.Id.ShouldNotBe(aRun.Id);
        (await b.Client.RunsAsync()).Select(r => r.Id).ShouldBe([bRun.Id]);
        (await a.Client.RunsAsync()).Select(r => r.Id).ShouldBe([aRun.Id]);
    }

    private List<Guid> EnqueuedRunIds() =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Select(j => j.Value.Job.Args[1]).OfType<Guid>().ToList();
}

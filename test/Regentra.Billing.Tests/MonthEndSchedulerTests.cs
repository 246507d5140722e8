using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Runs;
using Regentra.Saas.Contracts.Tenants;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>
/// The hourly scheduler: a tenant's month gets its one scheduled run once the tenant's own clock has passed the
/// month's end. The test clock only moves forward and starts on 2026-03-02, so these tests close March, and each
/// test has an application (and clock) of its own.
/// </summary>
public sealed class MonthEndSchedulerTests : IAsyncLifetime
{
    private readonly MonthEndApp app = new();

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_tenant_gets_its_run_once_its_own_clock_has_passed_the_end_of_the_month()
    {
        var (auckland, aucklandClient) = await TenantWithMarchTimeAsync("Pacific/Auckland");
        var (losAngeles, losAngelesClient) = await TenantWithMarchTimeAsync("America/Los_Angeles");

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 11, 30, 0, TimeSpan.Zero)); // 1 April 00:30 in Auckland, 31 March 04:30 in Los Angeles
        await RunSchedulerAsync();
        var aucklandRuns = await ScheduledRunsAsync(auckland.TenantId);
        var losAngelesBefore = await ScheduledRunsAsync(losAngeles.TenantId);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 7, 30, 0, TimeSpan.Zero)); // 1 April 00:30 in Los Angeles
        await RunSchedulerAsync();

        aucklandRuns.Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
        losAngelesBefore.ShouldBeEmpty();
        (await ScheduledRunsAsync(losAngeles.TenantId)).Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
        (await ScheduledRunsAsync(auckland.TenantId)).Select(r => r.Id).ShouldBe([aucklandRuns[0].Id]);
        foreach (var (tenant, client) in new[] { (auckland, aucklandClient), (losAngeles, losAngelesClient) })
        {
            var session = await tenant.SignInAgainAsync();
            var run = await session.WaitForRunAsync((await ScheduledRunsAsync(tenant.TenantId))[0].Id);
            (run.Run.Trigger, run.Run.Status).ShouldBe(("Scheduled", BillingRunStatus.Completed));
            run.Items.ShouldHaveSingleItem().Outcome.ShouldBe("Invoiced");
            (await session.InvoicesOfAsync(client)).ShouldHaveSingleItem().PeriodStart.ShouldBe(new DateOnly(2026, 3, 1));
        }
    }

    [Fact]
    public async Task Calling_the_scheduler_again_or_twice_at_once_creates_no_second_run_for_the_month()
    {
        var (tenant, client) = await TenantWithMarchTimeAsync("UTC");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero));

        await Task.WhenAll(RunSchedulerAsync(), RunSchedulerAsync(), RunSchedulerAsync());
        await RunSchedulerAsync();

        var run = (await ScheduledRunsAsync(tenant.TenantId)).ShouldHaveSingleItem();
        var session = await tenant.SignInAgainAsync();
        (await session.WaitForRunAsync(run.Id)).Run.Counts().ShouldBe((1, 1, 0, 0, 0));
        (await session.Client.RunsAsync()).ShouldHaveSingleItem();
        (await session.InvoicesOfAsync(client)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_month_already_run_by_hand_gets_no_scheduled_run()
    {
        var (tenant, client) = await TenantWithMarchTimeAsync("UTC");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 5, 0, TimeSpan.Zero));
        var byHand = await tenant.SignInAgainAsync();
        var manual = await byHand.RunMonthAsync(2026, 3);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        await RunSchedulerAsync();

        manual.Run.Counts().ShouldBe((1, 1, 0, 0, 0));
        (await ScheduledRunsAsync(tenant.TenantId)).ShouldBeEmpty();
        var session = await tenant.SignInAgainAsync();
        (await session.Client.RunsAsync()).Select(r => r.Id).ShouldBe([manual.Run.Id]);
        (await session.InvoicesOfAsync(client)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_tenant_gets_no_run_for_a_month_that_ended_before_it_existed()
    {
        var early = await app.SignUpAsync(timeZone: "UTC"); // 2 March: February ended before it existed
        await RunSchedulerAsync();
        var earlyInMarch = await ScheduledRunsAsync(early.TenantId);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 23, 50, 0, TimeSpan.Zero));
        var lastDay = await app.SignUpAsync(timeZone: "UTC");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 10, 0, TimeSpan.Zero));
        var late = await app.SignUpAsync(timeZone: "UTC");

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        await RunSchedulerAsync();

        earlyInMarch.ShouldBeEmpty();
        (await ScheduledRunsAsync(early.TenantId)).Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
        (await ScheduledRunsAsync(lastDay.TenantId)).Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
        (await ScheduledRunsAsync(late.TenantId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_suspended_tenant_gets_no_run_until_it_is_reactivated()
    {
        var active = await app.SignUpAsync(timeZone: "UTC");
        var suspended = await app.SignUpAsync(timeZone: "UTC");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero));
        var host = await app.SignInHostAdminAsync();
        await (await host.PostJsonAsync($"/api/saas/tenants/{suspended.TenantId}/suspend", new SuspendTenantRequest("Unpaid")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        await RunSchedulerAsync();
        var whileSuspended = await ScheduledRunsAsync(suspended.TenantId);
        await (await host.PostJsonAsync($"/api/saas/tenants/{suspended.TenantId}/reactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await RunSchedulerAsync();

        (await ScheduledRunsAsync(active.TenantId)).Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
        whileSuspended.ShouldBeEmpty();
        (await ScheduledRunsAsync(suspended.TenantId)).Select(r => (r.Year, r.Month)).ShouldBe([(2026, 3)]);
    }

    [Fact]
    public async Task A_month_closes_for_a_run_by_hand_at_midnight_in_the_organisations_time_zone()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)); // 1 April 12:30 in Auckland, 31 March 16:30 in Los Angeles
        var auckland = await app.SignUpAsync(timeZone: "Pacific/Auckland");
        var losAngeles = await app.SignUpAsync(timeZone: "America/Los_Angeles");

        var inAuckland = await auckland.StartRunAsync(2026, 3);
        var inLosAngeles = await losAngeles.StartRunAsync(2026, 3);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 6, 59, 59, TimeSpan.Zero)); // a second before midnight in Los Angeles
        losAngeles = await losAngeles.SignInAgainAsync();
        var secondBefore = await losAngeles.StartRunAsync(2026, 3);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero));
        var atMidnight = await losAngeles.StartRunAsync(2026, 3);

        await inAuckland.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        (await inLosAngeles.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Billing:Run.PeriodNotClosed");
        (await secondBefore.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Billing:Run.PeriodNotClosed");
        (await atMidnight.ReadAsync<BillingRunDto>(HttpStatusCode.Accepted)).Month.ShouldBe(3);
    }

    /// <summary>A tenant in <paramref name="timeZone"/> with one auto-invoiced client and approved time on 2 March.</summary>
    private async Task<(TenantSession Admin, Guid Client)> TenantWithMarchTimeAsync(string timeZone)
    {
        var admin = await app.SignUpAsync(timeZone: timeZone);
        var manager = await admin.AddMemberAsync("Manager");
        var client = await admin.AutoInvoicedClientAsync("Kiwi Ltd", $"kiwi@{admin.Slug}.test");
        await admin.LogApprovedAsync(manager, ClientTime(client.Id, 60, new DateOnly(2026, 3, 2)));
        return (admin, client.Id);
    }

    private async Task RunSchedulerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonthEndScheduler>().RunAsync(CancellationToken.None);
    }

    private Task<List<BillingRun>> ScheduledRunsAsync(Guid tenantId) =>
        app.QueryAsync(db => db.Set<BillingRun>().IgnoreQueryFilters()
            .Where(r => r.TenantId == tenantId && r.Trigger == RunTrigger.Scheduled).OrderBy(r => r.PeriodStart).ToListAsync());
}

using Microsoft.Extensions.DependencyInjection;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Data;
using Regentra.Billing.Runs;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts.Clients;
using static Regentra.TestBase.PsaApi;
using static Regentra.TestBase.RunArrange;

namespace Regentra.Billing.Tests;

/// <summary>
/// A run whose host stopped in the middle of a client is resumed, by starting its month again or by the scheduler's
/// requeue of silent runs, and completes the rest: every client invoiced, numbered and emailed exactly once.
/// </summary>
public sealed class MonthEndResumeTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    private sealed record Stopped(TenantSession Manager, IReadOnlyList<ClientDto> Clients, BillingRunDetailDto AtStop);

    [Fact]
    public async Task A_stopped_run_is_resumed_by_starting_its_month_again_once_it_has_gone_silent()
    {
        var stopped = await StopHalfwayAsync();
        var tooEarly = await stopped.Manager.StartRunAsync(2026, 2);
        app.Clock.Advance(TimeSpan.FromMinutes(MonthEndApp.StaleRunMinutes + 1));

        var resumed = await (await stopped.Manager.StartRunAsync(2026, 2)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        var run = await stopped.Manager.WaitForRunAsync(resumed.Id);

        (await tooEarly.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Billing:Run.InProgress");
        resumed.Id.ShouldBe(stopped.AtStop.Run.Id);
        await ShouldHaveInvoicedEveryClientOnceAsync(stopped, run);
    }

    [Fact]
    public async Task A_stopped_run_is_resumed_by_the_scheduler_once_it_has_gone_silent()
    {
        var stopped = await StopHalfwayAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(MonthEndApp.StaleRunMinutes + 1));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonthEndScheduler>().RunAsync(CancellationToken.None);
        }

        var run = await stopped.Manager.WaitForRunAsync(stopped.AtStop.Run.Id);
        await ShouldHaveInvoicedEveryClientOnceAsync(stopped, run);
    }

    [Fact]
    public async Task A_run_queued_again_while_its_first_job_was_only_slow_is_finished_by_one_job_and_not_marked_failed()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var alpha = await admin.AutoInvoicedClientAsync("Alpha", $"alpha@{admin.Slug}.test");
        var bravo = await admin.AutoInvoicedClientAsync("Bravo", $"bravo@{admin.Slug}.test");
        await admin.LogApprovedAsync(manager, ClientTime(alpha.Id, 60, Feb(2)), ClientTime(bravo.Id, 60, Feb(3)));
        var runId = await QueueRunAsync(admin.TenantId);
        var pause = app.PauseTheNextRunAfterItReadsTime();

        var slow = RunJobAsync(admin.TenantId, runId);
        await pause.Reached.WaitAsync(RunTimeout);
        await RunJobAsync(admin.TenantId, runId); // the job queued again runs the whole month meanwhile
        pause.Resume();
        await slow;

        var run = await manager.Client.GetAsync<BillingRunDetailDto>($"/api/billing/runs/{runId}");
        (run.Run.Status, run.Run.Error).ShouldBe((BillingRunStatus.Completed, null));
        run.Items.Select(i => (i.ClientName, i.Outcome)).ShouldBe([("Alpha", "Invoiced"), ("Bravo", "Invoiced")]);
        (await manager.InvoicesOfAsync(alpha.Id)).ShouldHaveSingleItem();
        (await manager.InvoicesOfAsync(bravo.Id)).ShouldHaveSingleItem();
    }

    private async Task<Guid> QueueRunAsync(Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<IBillingDbContext>();
        var run = new BillingRun(2026, 2, RunTrigger.Manual);
        db.BillingRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    // The run's job as Hangfire would perform it, in a scope of its own.
    private async Task RunJobAsync(Guid tenantId, Guid runId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await scope.ServiceProvider.GetRequiredService<MonthEndRunner>().RunAsync(runId, CancellationToken.None);
    }

    /// <summary>
    /// Five autoSend clients. The runner itself runs the month: their invoices are generated together (one batch), then
    /// sent in name order until the host "shuts down" while emailing Client 3: by then Clients 1 and 2 are done, Client 3's
    /// invoice is numbered but not emailed, and 4 and 5 are drafts waiting to be sent.
    /// </summary>
    private async Task<Stopped> StopHalfwayAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var clients = new List<ClientDto>();
        for (var i = 1; i <= 5; i++)
        {
            clients.Add(await admin.AutoInvoicedClientAsync($"Client {i}", $"client{i}@{admin.Slug}.test", autoSend: true));
        }

        await admin.LogApprovedAsync(manager, [.. clients.Select((c, i) => ClientTime(c.Id, 60, Feb(10 + i)))]);
        app.Email.StopWhenEmailing(clients[2].BillingEmail!);

        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(admin.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<IBillingDbContext>();
        var run = new BillingRun(2026, 2, RunTrigger.Manual);
        db.BillingRuns.Add(run);
        await db.SaveChangesAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<MonthEndRunner>().RunAsync(run.Id, CancellationToken.None));

        var atStop = await manager.Client.GetAsync<BillingRunDetailDto>($"/api/billing/runs/{run.Id}");
        atStop.Run.Status.ShouldBe(BillingRunStatus.Running);
        // Every record committed with its invoice; the interrupted email left Client 3 unsent, and 4 and 5 were not reached.
        atStop.Run.Counts().ShouldBe((5, 5, 2, 0, 0));
        atStop.Items.Select(i => (i.ClientName, i.Sent)).ShouldBe(
            [("Client 1", true), ("Client 2", true), ("Client 3", false), ("Client 4", false), ("Client 5", false)]);
        (await manager.InvoicesOfAsync(clients[2].Id)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Sent);
        app.SentTo(clients[2].BillingEmail!).ShouldBeEmpty();
        (await manager.InvoicesOfAsync(clients[3].Id)).ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
        app.SentTo(clients[4].BillingEmail!).ShouldBeEmpty();
        return new Stopped(manager, clients, atStop);
    }

    private async Task ShouldHaveInvoicedEveryClientOnceAsync(Stopped stopped, BillingRunDetailDto run)
    {
        run.Run.Status.ShouldBe(BillingRunStatus.Completed);
        run.Run.Counts().ShouldBe((5, 5, 5, 0, 0));
        run.Items.Select(i => (i.ClientName, i.Outcome, i.Sent)).ShouldBe([.. stopped.Clients.Select(c => (c.Name, "Invoiced", true))]);
        (await stopped.Manager.Client.RunsAsync()).ShouldHaveSingleItem().Id.ShouldBe(run.Run.Id);
        for (var i = 0; i < stopped.Clients.Count; i++)
        {
            var client = stopped.Clients[i];
            var invoice = (await stopped.Manager.InvoicesOfAsync(client.Id)).ShouldHaveSingleItem();
            (invoice.Id, invoice.Status, invoice.Number).ShouldBe((run.ItemOf(client.Id).InvoiceId!.Value, InvoiceStatus.Sent, $"INV-2026-{i + 1:D5}"));
            app.SentTo(client.BillingEmail!).ShouldHaveSingleItem().Subject.ShouldStartWith($"Invoice {invoice.Number} ");
        }

        foreach (var before in stopped.AtStop.Items)
        {
            run.ItemOf(before.ClientId).InvoiceId.ShouldBe(before.InvoiceId);
        }
    }
}

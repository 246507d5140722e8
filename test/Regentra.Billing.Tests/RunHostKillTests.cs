using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Invoices;
using Regentra.Billing.Invoices.Emails;
using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Tests;

/// <summary>
/// A real crash. Two host processes share one database; the one running a month-end run over 150 clients is killed
/// halfway (no shutdown, its job mid-flight, possibly between handing an email to the mail folder and recording it);
/// the other resumes the run when the month is started again on it, and the month ends with every client invoiced and
/// numbered exactly once, every entry on one invoice, and every invoice's one email delivered: once, or (an email the
/// killed host handed over without recording it) again with the same Message-ID and marked as possibly repeated.
/// The surviving host logs no error.
/// Runs on both providers: next to SQLite the job queue is in memory and dies with the process; next to PostgreSQL it
/// is Hangfire.PostgreSql, where the killed job stays fetched. Separate processes keep the real clock, so the run is for
/// last month in real time.
/// </summary>
public sealed class RunHostKillTests
{
    private const int ClientCount = 150;
    private const int EntriesPerClient = 3;

    /// <summary>The host is killed as soon as the run has recorded this many clients (of 150).</summary>
    private const int KillAfter = 30;

    /// <summary>Billing:StaleRunMinutes of both hosts (3 s): the restarted host may resume the killed run almost at once.</summary>
    private const double StaleRunMinutes = 0.05;

    /// <summary>
    /// Both hosts: a stale run resumes after 3 s, an email whose delivery was cut off may be tried again after 5 s, and the
    /// outbox looks every 5 s (Hangfire's scheduler wakes every 15 s, so in practice within 15 s).
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Billing__StaleRunMinutes"] = StaleRunMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing__EmailLeaseSeconds"] = "5",
        ["Billing__EmailOutboxCron"] = "*/5 * * * * *",
    };

    [Fact]
    public async Task One_of_two_hosts_killed_halfway_through_a_run_leaves_the_other_to_resume_it_and_every_client_is_invoiced_and_emailed_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await using var database = await TestDatabase.CreateAsync();
        await using var a = await HostProcess.StartAsync(database, Settings);
        await using var b = await HostProcess.StartAsync(database, Settings);
        var (token, clients) = await ArrangeAsync(a, month);
        using var startApi = a.CreateClient(token);
        var started = await (await startApi.StartRunAsync(month.Year, month.Month)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);

        // Next to SQLite each host has its own in-memory queue, so the host that queued the run runs it; next to
        // PostgreSQL the queue is shared and either host may take it: kill whichever does, watch through the other.
        var runner = database.Provider == TestProvider.PostgreSql ? await RunnerOfAsync(database, a, b) : a;
        var survivor = runner == a ? b : a;
        using var api = survivor.CreateClient(token);
        var processedAtKill = await KillHalfwayAsync(runner, api, started.Id);
        var stopped = await api.GetAsync<BillingRunDetailDto>($"/api/billing/runs/{started.Id}");
        var resumed = await StartUntilAcceptedAsync(api, month);
        var run = await api.WaitForRunAsync(started.Id, TimeSpan.FromMinutes(5));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database.Provider}: host {(runner == a ? "A" : "B")} ran the run and was killed at {processedAtKill} clients processed, {stopped.Run.Processed} recorded then.");

        processedAtKill.ShouldBeInRange(KillAfter, ClientCount - 1);
        stopped.Run.Status.ShouldBe(BillingRunStatus.Running);
        stopped.Run.Processed.ShouldBeInRange(processedAtKill, ClientCount - 1);
        resumed.Id.ShouldBe(started.Id);
        run.Run.Status.ShouldBe(BillingRunStatus.Completed, survivor.Output);
        run.Run.TotalClients.ShouldBe(ClientCount);
        run.Run.Counts().ShouldBe((ClientCount, ClientCount, ClientCount, 0, 0));
        run.Items.Select(i => i.ClientId).ShouldBe(clients, ignoreOrder: true);
        (await api.RunsAsync()).ShouldHaveSingleItem();

        var invoices = (await api.GetAsync<PagedResult<InvoiceDto>>("/api/billing/invoices?take=1000")).Items;
        invoices.Select(i => i.ClientId).ShouldBe(clients, ignoreOrder: true);
        invoices.ShouldAllBe(i => i.Status == InvoiceStatus.Sent && i.PeriodStart == month && i.PeriodEnd == month.AddMonths(1));
        var year = invoices[0].IssueDate!.Value.Year;
        invoices.Select(i => i.Number).ShouldBe(Enumerable.Range(1, ClientCount).Select(n => $"INV-{year}-{n:D5}"), ignoreOrder: true);
        var invoiceOf = invoices.ToDictionary(i => i.ClientId, i => i.Id);
        run.Items.ShouldAllBe(i => i.InvoiceId == invoiceOf[i.ClientId]);

        var entries = (await api.GetAsync<PagedResult<TimeEntryDto>>("/api/psa/time-entries?take=1000")).Items;
        entries.Count.ShouldBe(ClientCount * EntriesPerClient);
        entries.ShouldAllBe(e => e.InvoiceId == invoiceOf[e.ClientId!.Value]);

        await using var inspector = new Inspector(database);
        await inspector.InitializeAsync();
        var emails = await WaitUntilEveryEmailIsDeliveredAsync(inspector, survivor);
        await survivor.KillAsync();
        var lines = await inspector.QueryAsync(db => db.Set<InvoiceLine>().IgnoreQueryFilters()
            .Where(l => l.TimeEntryId != null).Select(l => new { l.InvoiceId, l.TimeEntryId }).ToListAsync());
        lines.Select(l => l.TimeEntryId!.Value).ShouldBe(entries.Select(e => e.Id), ignoreOrder: true);
        lines.ShouldAllBe(l => l.InvoiceId == entries.Single(e => e.Id == l.TimeEntryId).InvoiceId);
        (await inspector.QueryAsync(db => db.Set<Invoice>().IgnoreQueryFilters().CountAsync(i => i.EmailedAt == null))).ShouldBe(0);

        // One email per invoice; what reached the mail folders (of either host) is exactly those messages, a message
        // twice only where the invoice records that it may have been.
        emails.Select(e => e.InvoiceId).ShouldBe(invoices.Select(i => i.Id), ignoreOrder: true);
        emails.ShouldAllBe(e => e.Send == 1 && e.Status == InvoiceEmailStatus.Delivered);
        var delivered = Directory.GetFiles(a.MailFolder, "*.eml").Concat(Directory.GetFiles(b.MailFolder, "*.eml"))
            .Select(f => BillingApi.Parse(File.ReadAllText(f)).MessageId).ToList();
        var copies = delivered.GroupBy(id => id!).ToDictionary(g => g.Key, g => g.Count());
        copies.Keys.ShouldBe(emails.Select(e => e.MessageId), ignoreOrder: true);
        foreach (var email in emails)
        {
            if (copies[email.MessageId] > 1)
            {
                email.PossiblyRepeated.ShouldBeTrue($"{email.MessageId} was delivered {copies[email.MessageId]} times but the invoice does not say so");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database.Provider}: {delivered.Count} emails delivered for {emails.Count} invoices; {emails.Count(e => e.PossiblyRepeated)} marked possibly repeated.");
        survivor.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, survivor.Errors));
    }

    /// <summary>The host whose Hangfire server is processing the month-end job (its server id carries the process id).</summary>
    private static async Task<HostProcess> RunnerOfAsync(TestDatabase database, params HostProcess[] hosts)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var state = (string?)await database.ScalarAsync("""
                SELECT s.data::text FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
                WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%MonthEndJob%' LIMIT 1
                """);
            if (state is not null)
            {
                return hosts.Single(h => state.Contains($":{h.ProcessId}:", StringComparison.Ordinal));
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException("No host picked up the month-end job within 30 s.");
    }

    /// <summary>The emails of every invoice once all are delivered (the outbox takes over what the killed host left mid-way).</summary>
    private static async Task<List<InvoiceEmail>> WaitUntilEveryEmailIsDeliveredAsync(Inspector inspector, HostProcess host)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var emails = await inspector.QueryAsync(db => db.Set<InvoiceEmail>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
            if (emails.Count == ClientCount && emails.All(e => e.Status == InvoiceEmailStatus.Delivered))
            {
                return emails;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new ShouldAssertException(
                    $"{emails.Count(e => e.Status == InvoiceEmailStatus.Delivered)} of {ClientCount} emails delivered after 90 s:{Environment.NewLine}{host.Output}");
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A UTC organisation whose admin may approve their own time, and 150 clients with autoInvoice and autoSend, each with
    /// three approved entries spread over the month (one person logs them all, and a day has 24 hours).
    /// </summary>
    private static async Task<(string Token, IReadOnlyList<Guid> Clients)> ArrangeAsync(HostProcess host, DateOnly month)
    {
        using var anonymous = host.CreateClient();
        var slug = Sessions.NewSlug("kill");
        var email = $"admin@{slug}.test";
        await (await anonymous.PostJsonAsync("/api/saas/signup", new SignupRequest($"Org {slug}", slug, email, Sessions.Password, "Ada Admin", "UTC")))
            .ReadAsync<TenantDto>(HttpStatusCode.Created);
        var token = (await (await anonymous.PostJsonAsync("/api/account/token", new LoginRequest(slug, email, Sessions.Password))).ReadAsync<TokenResponse>()).AccessToken;
        using var api = host.CreateClient(token);
        var s = await api.GetAsync<TenantSettingsDto>("/api/saas/settings");
        await (await api.PutJsonAsync("/api/saas/settings", new UpdateTenantSettingsRequest(s.OrganizationName, s.Address, s.TimeZone, s.Currency,
            s.InvoicePrefix, s.PaymentTermsDays, s.TaxRatePercent, s.DefaultHourlyRate, AllowSelfApproval: true, s.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var clients = new List<Guid>();
        for (var i = 1; i <= ClientCount; i++)
        {
            var client = await (await api.PostJsonAsync("/api/psa/clients", new CreateClientRequest($"Client {i:D3}", $"client{i:D3}@{slug}.test", null, null, null)))
                .ReadAsync<ClientDto>(HttpStatusCode.Created);
            await (await api.PutHourlyAgreementAsync(client.Id, autoInvoice: true, autoSend: true, from: month)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            clients.Add(client.Id);
        }

        var logged = await (await api.PostJsonAsync("/api/psa/time-entries/bulk", new BulkLogTimeEntriesRequest(
                [.. clients.SelectMany((c, i) => Enumerable.Range(0, EntriesPerClient).Select(n => new LogTimeEntryRequest(
                    null, c, month.AddDays(((i * EntriesPerClient) + n) % 28), 15 + (5 * n), "Patching", true, true)))])))
            .ReadAsync<BulkLogTimeEntriesResponse>(HttpStatusCode.Created);
        await (await api.PostJsonAsync("/api/psa/time-entries/approve", new TimeEntryIdsRequest([.. logged.Entries.Select(e => e.Id)])))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (token, clients);
    }

    /// <summary>Watches the run as closely as the API allows and kills the host once some (<see cref="KillAfter"/>), but not all, clients are done.</summary>
    private static async Task<int> KillHalfwayAsync(HostProcess host, HttpClient api, Guid runId)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < RunArrange.RunTimeout)
        {
            var run = (await api.GetAsync<BillingRunDetailDto>($"/api/billing/runs/{runId}")).Run;
            if (run.Processed >= KillAfter)
            {
                await host.KillAsync();
                return run.Processed;
            }

            run.Status.ShouldBeOneOf(BillingRunStatus.Queued, BillingRunStatus.Running);
        }

        throw new ShouldAssertException($"The run processed fewer than {KillAfter} clients within {RunArrange.RunTimeout.TotalSeconds:0} s:{Environment.NewLine}{host.Output}");
    }

    /// <summary>Starts the month on the new host: refused (409) while the killed run may still count as alive, then resumed.</summary>
    private static async Task<BillingRunDto> StartUntilAcceptedAsync(HttpClient api, DateOnly month)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await api.StartRunAsync(month.Year, month.Month);
            if (response.StatusCode != HttpStatusCode.Conflict || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return await response.ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private sealed class Inspector(TestDatabase database) : RegentraApp(database);
}

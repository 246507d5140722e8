using System.Diagnostics;
using System.Net;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Clients;
using Shouldly;

namespace Regentra.TestBase;

/// <summary>An application that can say what its background jobs are doing, shown when a run does not end in time.</summary>
public interface IJobDiagnostics
{
    string DescribeJobs();
}

/// <summary>Month-end run arrangements: clients with agreements, starting a month, and following its run to the end.</summary>
public static class RunArrange
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A day of February 2026: the month that has closed when the test clock starts (2026-03-02).</summary>
    public static DateOnly Feb(int day) => new(2026, 2, day);

    /// <summary>A client with its own billing email (or none), so its mail can be told apart from the others'.</summary>
    public static async Task<ClientDto> CreateClientWithEmailAsync(this TenantSession session, string name, string? billingEmail, string? currency = null) =>
        await (await session.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(name, billingEmail, "1 Main Street", currency, null)))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PutHourlyAgreementAsync(
        this HttpClient client, Guid clientId, bool autoInvoice, bool autoSend = false, decimal hourlyRate = 100m, DateOnly? from = null, DateOnly? to = null) =>
        client.PutJsonAsync($"/api/billing/clients/{clientId}/agreement", new PutAgreementRequest(
            AgreementType.Hourly, from ?? new DateOnly(2026, 1, 1), to, hourlyRate, null, null, null, null, false, null, autoInvoice, autoSend));

    /// <summary>An hourly agreement (100 an hour from 2026-01-01 unless told otherwise).</summary>
    public static async Task<AgreementDto> PutHourlyAgreementAsync(
        this TenantSession session, Guid clientId, bool autoInvoice, bool autoSend = false, decimal hourlyRate = 100m, DateOnly? from = null, DateOnly? to = null) =>
        await (await session.Client.PutHourlyAgreementAsync(clientId, autoInvoice, autoSend, hourlyRate, from, to)).ReadAsync<AgreementDto>();

    /// <summary>A client the month-end run invoices: an hourly agreement with autoInvoice (and autoSend when asked).</summary>
    public static async Task<ClientDto> AutoInvoicedClientAsync(this TenantSession session, string name, string? billingEmail, bool autoSend = false, string? currency = null)
    {
        var client = await session.CreateClientWithEmailAsync(name, billingEmail, currency);
        await session.PutHourlyAgreementAsync(client.Id, autoInvoice: true, autoSend);
        return client;
    }

    public static Task<HttpResponseMessage> StartRunAsync(this HttpClient client, int year, int month) =>
        client.PostJsonAsync("/api/billing/runs", new StartBillingRunRequest(year, month));

    public static Task<HttpResponseMessage> StartRunAsync(this TenantSession session, int year, int month) =>
        session.Client.StartRunAsync(year, month);

    /// <summary>Starts the month, expecting 202 with the run, and follows that run until it ends.</summary>
    public static async Task<BillingRunDetailDto> RunMonthAsync(this TenantSession session, int year, int month)
    {
        var started = await (await session.StartRunAsync(year, month)).ReadAsync<BillingRunDto>(HttpStatusCode.Accepted);
        return await session.WaitForRunAsync(started.Id);
    }

    /// <summary>Follows a run of the session's organisation until it ends (see <see cref="WaitForRunAsync(HttpClient, Guid, TimeSpan?, IJobDiagnostics?)"/>).</summary>
    public static Task<BillingRunDetailDto> WaitForRunAsync(this TenantSession session, Guid runId) =>
        session.Client.WaitForRunAsync(runId, diagnostics: session.App as IJobDiagnostics);

    /// <summary>
    /// Polls the run until it is no longer queued or running; fails after <paramref name="timeout"/>, showing how far it
    /// got and, when the application can tell, what its background jobs are doing.
    /// </summary>
    public static async Task<BillingRunDetailDto> WaitForRunAsync(this HttpClient client, Guid runId, TimeSpan? timeout = null, IJobDiagnostics? diagnostics = null)
    {
        var limit = timeout ?? RunTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var run = await client.GetAsync<BillingRunDetailDto>($"/api/billing/runs/{runId}");
            if (run.Run.Status is not (BillingRunStatus.Queued or BillingRunStatus.Running))
            {
                return run;
            }

            if (watch.Elapsed > limit)
            {
                throw new ShouldAssertException(
                    $"Run {runId} is still {run.Run.Status} after {limit.TotalSeconds:0} s: {run.Run.Processed} of {run.Run.TotalClients} clients processed. " +
                    diagnostics?.DescribeJobs());
            }

            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }
    }

    public static async Task<IReadOnlyList<BillingRunDto>> RunsAsync(this HttpClient client) =>
        (await client.GetAsync<PagedResult<BillingRunDto>>("/api/billing/runs?take=1000")).Items;

    /// <summary>Every invoice of the client, void ones included, newest first.</summary>
    public static async Task<IReadOnlyList<InvoiceDto>> InvoicesOfAsync(this TenantSession session, Guid clientId) =>
        (await session.Client.GetAsync<PagedResult<InvoiceDto>>($"/api/billing/invoices?clientId={clientId}&take=1000")).Items;

    public static BillingRunItemDto ItemOf(this BillingRunDetailDto run, Guid clientId) =>
        run.Items.Single(i => i.ClientId == clientId);

    /// <summary>(processed, invoiced, sent, skipped, failed), to compare at a glance.</summary>
    public static (int Processed, int Invoiced, int Sent, int Skipped, int Failed) Counts(this BillingRunDto run) =>
        (run.Processed, run.Invoiced, run.Sent, run.Skipped, run.Failed);

    /// <summary>A fresh token for the same member: bearer tokens last an hour of the test clock.</summary>
    public static Task<TenantSession> SignInAgainAsync(this TenantSession session) =>
        session.App.SignInAsync(session.Slug, session.Email, session.Password, session.TenantId);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Psa.Contracts.Billing;

namespace Regentra.Billing.Runs;

/// <summary>
/// Invoices (and, where the agreement says so, sends) the month of a run for every client with autoInvoice. Clients
/// whose plans are clean are invoiced in batches, one transaction per batch; a batch that fails for any reason is
/// rolled back and its clients go one at a time, each in its own transaction, so a client's failure is recorded
/// against that client alone and the run goes on. Safe to run again
/// at any point: a client already invoiced by this run counts as done; by an earlier run that did not send it, it is sent
/// when agreed; by hand, it is skipped.
/// </summary>
internal sealed partial class MonthEndRunner(
    IBillingDbContext db,
    InvoicePlanner planner,
    InvoiceGenerator generator,
    InvoiceSender sender,
    TimeProvider clock,
    ILogger<MonthEndRunner> logger)
{
    /// <summary>How often a running run shows it is alive; silence longer than Billing:StaleRunMinutes means its host died.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Clients per batch transaction, and entries per batch (a few very busy clients make smaller batches). Batching
    /// removes most of the per-client round trips; measured in docs/PERFORMANCE.md.
    /// </summary>
    internal const int BatchClients = 25, BatchEntries = 2_000;

    private DateTime _lastHeartbeat;

    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.BillingRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status is BillingRunStatus.Completed or BillingRunStatus.CompletedWithErrors)
        {
            return; // deleted, or a retried job finding the work done
        }

        try
        {
            await ProcessAsync(run, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(x => x.Entity is BillingRun))
        {
            // Another job is on this run (requeued as silent while the first was only slow). Every client's work is
            // idempotent, so the other job finishes the run; marking it Failed here would overwrite its outcome.
            LogRunTakenOver(logger, runId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRunFailed(logger, e, runId);
            db.ChangeTracker.Clear();
            var failed = await db.BillingRuns.FirstAsync(r => r.Id == runId, cancellationToken);
            failed.Fail(e.Message, Now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task ProcessAsync(BillingRun run, CancellationToken cancellationToken)
    {
        var (runId, start, end) = (run.Id, run.PeriodStart, run.PeriodEnd);
        var autoSendByClient = (await db.Agreements.AsNoTracking()
                .Where(a => a.AutoInvoice && a.EffectiveFrom < end && (a.EffectiveTo == null || a.EffectiveTo > start))
                .OrderBy(a => a.EffectiveFrom).Select(a => new { a.ClientId, a.AutoSend }).ToListAsync(cancellationToken))
            .GroupBy(a => a.ClientId).ToDictionary(g => g.Key, g => g.Last().AutoSend);
        // Everything the tenant's invoices need is read in a few batched queries; each client then costs one short transaction.
        var plans = (await planner.PlanManyAsync(autoSendByClient.Keys.ToList(), start, end, cancellationToken)).Values
            .OrderBy(p => p.Client.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        run.Start(plans.Count, Now);
        await db.SaveChangesAsync(cancellationToken);
        _lastHeartbeat = Now;
        LogRunStarted(logger, runId, start, plans.Count);

        var anyFailed = false;
        foreach (var batch in Batches(plans))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoiced = batch.Count > 1 ? await TryInvoiceBatchAsync(batch, run, cancellationToken) : null;
            for (var i = 0; i < batch.Count; i++)
            {
                // Each client's email goes out (and is recorded) before the next: an interruption leaves the rest as drafts to resume.
                var plan = batch[i];
                var autoSend = autoSendByClient[plan.Client.Id];
                var result = invoiced is null ? await InvoiceClientAsync(plan, autoSend, run, cancellationToken)
                    : autoSend ? await SendAsync(invoiced[i], null, cancellationToken)
                    : new ClientResult(RunOutcome.Invoiced, invoiced[i], false, null, Recorded: true);
                db.ChangeTracker.Clear();
                if (!result.Recorded)
                {
                    await RecordAsync(runId, plan.Client, result, cancellationToken);
                }

                anyFailed |= result.Outcome == RunOutcome.Failed;
            }

            await HeartbeatAsync(runId, cancellationToken);
        }

        db.ChangeTracker.Clear();
        run = await db.BillingRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        var outcomes = await db.BillingRunItems.AsNoTracking().Where(i => i.RunId == runId)
            .GroupBy(i => new { i.Outcome, i.Sent }).Select(g => new { g.Key.Outcome, g.Key.Sent, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(RunOutcome outcome) => outcomes.Where(o => o.Outcome == outcome).Sum(o => o.Count);
        run.Finish(anyFailed || Count(RunOutcome.Failed) > 0, Now);
        await db.SaveChangesAsync(cancellationToken);

        // The one line an operator reads to tell a healthy run from a broken one.
        var (invoicedCount, sentCount, skippedCount, failedCount) = (Count(RunOutcome.Invoiced), outcomes.Where(o => o.Sent).Sum(o => o.Count),
            Count(RunOutcome.Skipped), Count(RunOutcome.Failed));
        var seconds = (Now - run.StartedAt!.Value).TotalSeconds;
        LogRunFinished(logger, runId, start, run.Status, plans.Count, invoicedCount, sentCount, skippedCount, failedCount, seconds);
    }

    /// <param name="Recorded">The run item was saved with the invoice itself (the common case).</param>
    private sealed record ClientResult(RunOutcome Outcome, Guid? InvoiceId, bool Sent, string? Message, bool Recorded = false);

    /// <summary>Consecutive clean plans, up to the batch limits; any other plan is a batch of its own, for the one-client path.</summary>
    private static IEnumerable<List<InvoicePlan>> Batches(IEnumerable<InvoicePlan> plans)
    {
        var batch = new List<InvoicePlan>();
        var entries = 0;
        foreach (var plan in plans)
        {
            if (!plan.IsClean)
            {
                if (batch.Count > 0)
                {
                    yield return batch;
                }

                yield return [plan];
                (batch, entries) = ([], 0);
                continue;
            }

            if (batch.Count > 0 && (batch.Count == BatchClients || entries + plan.Locks.Count > BatchEntries))
            {
                yield return batch;
                (batch, entries) = ([], 0);
            }

            batch.Add(plan);
            entries += plan.Locks.Count;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Invoices a batch of clean plans in one transaction, with the run's record of each client, and returns the invoice ids
    /// in plan order. Null when the batch could not be saved whole (nothing of it was): the caller then goes one client at a time.
    /// </summary>
    private async Task<Guid[]?> TryInvoiceBatchAsync(List<InvoicePlan> batch, BillingRun run, CancellationToken cancellationToken)
    {
        var clients = batch.ToDictionary(p => p.Client.Id, p => p.Client);
        try
        {
            var invoices = await generator.GenerateManyAsync(batch, run.Id, invoice => RecordInvoiced(run.Id, clients[invoice.ClientId], invoice), cancellationToken);
            return invoices.Select(i => i.Id).ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFellBack(logger, run.Id, batch.Count, e.Message);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ClientResult> InvoiceClientAsync(InvoicePlan plan, bool autoSend, BillingRun run, CancellationToken cancellationToken)
    {
        var client = plan.Client;
        if (!client.IsActive)
        {
            // Same rule as "invoice every client": inactive clients are left out, but visibly, so a last month still due is not forgotten.
            return new ClientResult(RunOutcome.Skipped, null, false, "The client is inactive. If it still owes this month, invoice it by hand.");
        }

        try
        {
            // The run's record of the client commits with the invoice; sending (when agreed) then updates it.
            var invoice = await generator.GenerateAsync(plan, run.Id, cancellationToken, invoice => RecordInvoiced(run.Id, client, invoice));
            return autoSend
                ? await SendAsync(invoice.Id, null, cancellationToken)
                : new ClientResult(RunOutcome.Invoiced, invoice.Id, false, null, Recorded: true);
        }
        catch (BusinessException e) when (e.Code == BillingErrorCodes.PeriodAlreadyInvoiced)
        {
            return await AlreadyInvoicedAsync(client, autoSend, run, e.Message, cancellationToken);
        }
        catch (BusinessException e) when (e.Code == BillingErrorCodes.EmptyInvoice)
        {
            return new ClientResult(RunOutcome.Skipped, null, false, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClientFailed(logger, e, client.Id, run.Id);
            return new ClientResult(RunOutcome.Failed, null, false, e.Message);
        }
    }

    /// <summary>
    /// The month already has this client's invoice. Made by this run before an interruption, or by an earlier run that
    /// stopped before sending it: finish what was left undone (a draft not sent, or a numbered invoice whose email never
    /// went out). Made by hand: it is the manager's, and left alone.
    /// </summary>
    private async Task<ClientResult> AlreadyInvoicedAsync(ClientInfo client, bool autoSend, BillingRun run, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var existing = await db.Invoices.AsNoTracking()
            .Where(i => i.ClientId == client.Id && i.PeriodStart == run.PeriodStart && i.PeriodEnd == run.PeriodEnd && i.Status != InvoiceStatus.Void)
            .Select(i => new { i.Id, i.RunId, i.Status, i.EmailedAt }).FirstOrDefaultAsync(cancellationToken);
        var unsent = existing is not null && (existing.Status == InvoiceStatus.Draft || (existing.Status == InvoiceStatus.Sent && existing.EmailedAt is null));
        if (existing is not null && existing.RunId == run.Id)
        {
            const string resumed = "Invoiced earlier in this run (resumed after an interruption).";
            return autoSend && unsent
                ? await SendAsync(existing.Id, resumed, cancellationToken)
                : new ClientResult(RunOutcome.Invoiced, existing.Id, autoSend && existing.Status != InvoiceStatus.Draft, resumed);
        }

        if (existing?.RunId is not null && autoSend && unsent)
        {
            return await SendAsync(existing.Id, "Invoiced by an earlier run of this month, which did not send it; sent by this run.", cancellationToken);
        }

        return new ClientResult(RunOutcome.Skipped, existing?.Id, false, message);
    }

    /// <summary>Sends a run's invoice. If it cannot be sent (no billing email, say) the client counts as failed, with its draft linked.</summary>
    private async Task<ClientResult> SendAsync(Guid invoiceId, string? note, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var sent = await sender.SendAsync(invoiceId, cancellationToken);
            return new ClientResult(RunOutcome.Invoiced, invoiceId, true, sent.EmailError ?? note);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is not BusinessException)
            {
                LogSendFailed(logger, e, invoiceId);
            }

            db.ChangeTracker.Clear();
            return new ClientResult(RunOutcome.Failed, invoiceId, false, $"Invoiced but not sent: {e.Message}");
        }
    }

    private BillingRunItem Item(Guid runId, ClientInfo client, ClientResult result)
    {
        var item = new BillingRunItem(runId, client.Id, client.Name);
        item.Record(result.Outcome, result.InvoiceId, result.Sent, result.Message, Now);
        return item;
    }

    // Added to the unit of work that saves the invoice, so the record and the invoice commit together.
    private void RecordInvoiced(Guid runId, ClientInfo client, Invoice invoice) =>
        db.BillingRunItems.Add(Item(runId, client, new ClientResult(RunOutcome.Invoiced, invoice.Id, false, null)));

    // Inserted straight away; a resumed run (or an update after sending) finds the earlier record on the unique index.
    private async Task RecordAsync(Guid runId, ClientInfo client, ClientResult result, CancellationToken cancellationToken)
    {
        db.BillingRunItems.Add(Item(runId, client, result));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            db.ChangeTracker.Clear();
            var earlier = await db.BillingRunItems.FirstAsync(i => i.RunId == runId && i.ClientId == client.Id, cancellationToken);
            earlier.Record(result.Outcome, result.InvoiceId, result.Sent, result.Message, Now);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private async Task HeartbeatAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (Now - _lastHeartbeat >= Heartbeat)
        {
            _lastHeartbeat = Now;
            await db.BillingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastModificationTime, _lastHeartbeat), cancellationToken);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end run {RunId} for the month starting {PeriodStart}: {Clients} clients to invoice")]
    private static partial void LogRunStarted(ILogger logger, Guid runId, DateOnly periodStart, int clients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end run {RunId} for the month starting {PeriodStart} finished {Status}: {Clients} clients, {Invoiced} invoiced, {Sent} sent, {Skipped} skipped, {Failed} failed, in {Seconds:0.0} s")]
    private static partial void LogRunFinished(ILogger logger, Guid runId, DateOnly periodStart, BillingRunStatus status, int clients, int invoiced, int sent, int skipped, int failed, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Month-end run {RunId} could not invoice client {ClientId}")]
    private static partial void LogClientFailed(ILogger logger, Exception exception, Guid clientId, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end run {RunId}: a batch of {Clients} clients could not be saved whole ({Reason}); invoicing them one at a time")]
    private static partial void LogBatchFellBack(ILogger logger, Guid runId, int clients, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Month-end run {RunId} is being run by another job; this one stops and leaves the run to it")]
    private static partial void LogRunTakenOver(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Month-end run could not send invoice {InvoiceId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid invoiceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Month-end run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid runId);
}

/// <summary>The Hangfire job of one tenant's run (entered into the tenant by <see cref="TenantJobRunner{TJob,TArgs}"/>).</summary>
internal sealed class MonthEndJob(MonthEndRunner runner) : ITenantJob<Guid>
{
    public Task ExecuteAsync(Guid runId, CancellationToken cancellationToken) => runner.RunAsync(runId, cancellationToken);
}

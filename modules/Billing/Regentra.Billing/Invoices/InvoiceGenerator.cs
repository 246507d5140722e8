using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Regentra.Billing.Contracts.Invoices;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts;
using Regentra.Billing.Data;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts.Billing;

namespace Regentra.Billing.Invoices;

/// <summary>
/// Generates a Draft invoice exactly once per client and period. Inside one transaction it takes the client's
/// lock row (concurrent generations for the client take turns), plans the invoice from current data, refuses
/// an overlap with any non-void invoice, saves the invoice, and locks its entries through PSA's guarded update.
/// If anything changed since the plan (an entry reopened, edited or billed elsewhere) nothing is saved.
/// </summary>
internal sealed partial class InvoiceGenerator(
    IBillingDbContext db, InvoicePlanner planner, IBillableTimeSource time, ICurrentTenant tenant, ILogger<InvoiceGenerator> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The careful path: plans from current data while holding the client's lock.</summary>
    public async Task<Invoice> GenerateAsync(Guid clientId, DateOnly from, DateOnly to, Guid? runId, CancellationToken cancellationToken,
        Action<Invoice>? alsoSave = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockClientsAsync([clientId], cancellationToken);
        var plan = await planner.PlanAsync(clientId, from, to, cancellationToken);
        if (plan.Overlapping.Count > 0)
        {
            throw AlreadyInvoiced(plan);
        }

        return await CreateAsync(plan, runId, transaction, alsoSave, cancellationToken);
    }

    /// <summary>
    /// The fast path for a plan made moments ago from batched reads (the month-end run). Under the client's lock it only
    /// re-checks the period; PSA's guarded update refuses if any of the plan's entries changed since, and then the
    /// careful path runs instead, so a stale plan is never invoiced.
    /// </summary>
    /// <param name="alsoSave">Adds rows that must commit with the invoice (the run's record of it) to the same unit of work.</param>
    public async Task<Invoice> GenerateAsync(InvoicePlan plan, Guid? runId, CancellationToken cancellationToken, Action<Invoice>? alsoSave = null)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockClientsAsync([plan.Client.Id], cancellationToken);
            if (plan.Overlapping.Count > 0 || await AnyOverlapAsync([plan.Client.Id], plan.From, plan.To, cancellationToken))
            {
                throw AlreadyInvoiced(plan);
            }

            return await CreateAsync(plan, runId, transaction, alsoSave, cancellationToken);
        }
        catch (BusinessException e) when (e.Code == Psa.Contracts.PsaErrorCodes.TimeEntriesNotInvoiceable)
        {
            db.ChangeTracker.Clear();
            return await GenerateAsync(plan.Client.Id, plan.From, plan.To, runId, cancellationToken, alsoSave);
        }
    }

    /// <summary>
    /// The month-end run's batch: many clients' clean plans (<see cref="InvoicePlan.IsClean"/>, one period) in one
    /// transaction, with one statement each for the locks, the overlap check, the entries and the inserts. All or
    /// nothing: if any plan is stale or any client already invoiced, nothing is saved and this throws, and the caller
    /// goes through the batch one client at a time, where each client gets its own outcome.
    /// </summary>
    public async Task<IReadOnlyList<Invoice>> GenerateManyAsync(
        IReadOnlyList<InvoicePlan> plans, Guid? runId, Action<Invoice>? alsoSave, CancellationToken cancellationToken)
    {
        if (plans.Any(p => !p.IsClean) || plans.Select(p => (p.From, p.To)).Distinct().Count() > 1)
        {
            throw new ArgumentException("A batch takes clean plans of one period only.", nameof(plans));
        }

        var clientIds = plans.Select(p => p.Client.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockClientsAsync(clientIds, cancellationToken);
        if (await AnyOverlapAsync(clientIds, plans[0].From, plans[0].To, cancellationToken))
        {
            throw new BusinessException(BillingErrorCodes.PeriodAlreadyInvoiced, "A client of the batch was invoiced for the period meanwhile.");
        }

        return await WriteAsync(plans, runId, transaction, alsoSave, cancellationToken);
    }

    private static Invoice NewInvoice(InvoicePlan plan, Guid? runId) =>
        new(new InvoiceClient(plan.Client.Id, plan.Client.Name, plan.Client.BillingEmail, plan.Client.Address),
            plan.From, plan.To, plan.Currency, plan.TaxRatePercent, plan.Calculation, JsonSerializer.Serialize(plan.Warnings, Json), runId);

    private async Task<Invoice> CreateAsync(
        InvoicePlan plan, Guid? runId, IDbContextTransaction transaction, Action<Invoice>? alsoSave, CancellationToken cancellationToken)
    {
        if (plan.BlockingProblem is { } problem)
        {
            throw new BusinessException(problem.Code, problem.Message);
        }

        if (plan.Calculation.Lines.Count == 0)
        {
            throw new BusinessException(BillingErrorCodes.EmptyInvoice,
                $"Nothing to invoice for {plan.Client.Name} in this period: {plan.Warnings.FirstOrDefault(w => w.Code == "ZeroTotal")?.Message ?? "no fee and no approved billable time."}");
        }

        try
        {
            return (await WriteAsync([plan], runId, transaction, alsoSave, cancellationToken))[0];
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            throw AlreadyInvoiced(plan); // the unique index is the last word even if the lock were bypassed
        }
    }

    /// <summary>
    /// Locks each plan's entries (PSA's guarded UPDATE, all plans at once), then writes the invoices, their lines and the
    /// run's rows in one batch, and commits.
    /// </summary>
    private async Task<IReadOnlyList<Invoice>> WriteAsync(
        IReadOnlyList<InvoicePlan> plans, Guid? runId, IDbContextTransaction transaction, Action<Invoice>? alsoSave, CancellationToken cancellationToken)
    {
        var invoices = plans.Select(p => NewInvoice(p, runId)).ToList();
        await time.MarkInvoicedAsync(plans.Select((p, i) => p.TimeFor(invoices[i].Id)).ToList(), cancellationToken);
        foreach (var invoice in invoices)
        {
            db.Invoices.Add(invoice);
            alsoSave?.Invoke(invoice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < plans.Count; i++)
        {
            LogGenerated(logger, invoices[i].Id, plans[i].Client.Name, plans[i].From, plans[i].To, invoices[i].TotalMinor, invoices[i].Currency);
        }

        return invoices;
    }

    /// <summary>
    /// Takes (creating if needed) the clients' lock rows, held until the transaction ends. Sorted, so two transactions
    /// wanting some of the same clients queue instead of deadlocking.
    /// </summary>
    private Task LockClientsAsync(IEnumerable<Guid> clientIds, CancellationToken cancellationToken) =>
        db.Database.IncrementManyAsync("BillingClientLocks", nameof(ClientBillingLock.Version),
            [nameof(ClientBillingLock.TenantId), nameof(ClientBillingLock.ClientId)],
            clientIds.Order().Select(c => new object[] { tenant.Id!.Value, c }).ToList(), cancellationToken);

    private Task<bool> AnyOverlapAsync(IReadOnlyCollection<Guid> clientIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.Invoices.AnyAsync(i => clientIds.Contains(i.ClientId) && i.Status != InvoiceStatus.Void && i.PeriodStart < to && i.PeriodEnd > from, cancellationToken);

    private static BusinessException AlreadyInvoiced(InvoicePlan plan) =>
        new(BillingErrorCodes.PeriodAlreadyInvoiced,
            $"{plan.Client.Name} already has an invoice overlapping {plan.From:yyyy-MM-dd} – {plan.To.AddDays(-1):yyyy-MM-dd} " +
            $"({string.Join(", ", plan.Overlapping.Select(o => o.Number ?? $"draft {o.Id}"))}). Void it first to invoice the period again.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceId} generated for {Client}, {From} to {To}: {TotalMinor} minor units of {Currency}")]
    private static partial void LogGenerated(ILogger logger, Guid invoiceId, string client, DateOnly from, DateOnly to, long totalMinor, string currency);
}

/// <summary>Invoice numbers {prefix}-{yyyy}-{00001} per tenant and year, gapless among sent invoices (taken in the sending transaction).</summary>
internal sealed class InvoiceNumbers(IBillingDbContext db)
{
    public async Task<int> NextAsync(Guid tenantId, int year, CancellationToken cancellationToken)
    {
        await db.Database.IncrementAsync("BillingInvoiceNumberSequences", nameof(InvoiceNumberSequence.LastNumber),
            [(nameof(InvoiceNumberSequence.TenantId), tenantId), (nameof(InvoiceNumberSequence.Year), year)], cancellationToken);
        return await db.InvoiceNumberSequences.Where(s => s.TenantId == tenantId && s.Year == year).Select(s => s.LastNumber).SingleAsync(cancellationToken);
    }

    public static string Format(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:D5}";
}

using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Runs;
using Regentra.Billing.Data;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Runs;

/// <summary>/api/billing/runs: month-end run history with live progress, and starting a run by hand.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder billing)
    {
        var runs = billing.MapGroup("/runs");
        runs.MapGet("", ListAsync).RequireAuthorization(BillingPermissions.Runs)
            .WithSummary("Month-end runs, newest first, with progress and counts (invoiced, sent, skipped, failed).");
        runs.MapGet("/{id:guid}", GetAsync).RequireAuthorization(BillingPermissions.Runs)
            .WithSummary("A run and what happened to each client.");
        runs.MapPost("", StartAsync).RequireAuthorization(BillingPermissions.Runs).Validate<StartBillingRunRequest>()
            .WithSummary("Starts a run for a month that has closed, or resumes that month's run if it stopped (its host died). Answers at once (202) with the run; follow its progress with GET.");
    }

    private static async Task<Ok<PagedResult<BillingRunDto>>> ListAsync([AsParameters] PageRequest page, IBillingDbContext db, CancellationToken cancellationToken)
    {
        var sorts = new SortMap<BillingRun>("creationTime desc", r => r.Id).Add("creationTime", r => r.CreationTime).Add("periodStart", r => r.PeriodStart);
        var result = await db.BillingRuns.AsNoTracking().ToPagedResultAsync(page, sorts, r => r, cancellationToken);
        var counts = await CountsAsync(db, result.Items.Select(r => r.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new PagedResult<BillingRunDto>(result.Items.Select(r => ToDto(r, counts)).ToList(), result.TotalCount));
    }

    private static async Task<Ok<BillingRunDetailDto>> GetAsync(Guid id, IBillingDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.BillingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Billing run", id);
        var items = await db.BillingRunItems.AsNoTracking().Where(i => i.RunId == id).OrderBy(i => i.ClientName).ToListAsync(cancellationToken);
        var counts = await CountsAsync(db, [id], cancellationToken);
        return TypedResults.Ok(new BillingRunDetailDto(ToDto(run, counts),
            items.Select(i => new BillingRunItemDto(i.ClientId, i.ClientName, i.Outcome.ToString(), i.InvoiceId, i.Sent, i.Message, i.At)).ToList()));
    }

    private static async Task<Accepted<BillingRunDto>> StartAsync(
        StartBillingRunRequest request, IBillingDbContext db, ITenantClock clock, ICurrentTenant tenant, IBackgroundJobClient jobs,
        IOptions<BillingOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var month = new DateOnly(request.Year!.Value, request.Month!.Value, 1);
        if (month.AddMonths(1) > await clock.TodayAsync(cancellationToken))
        {
            throw BusinessException.ForField(BillingErrorCodes.RunPeriodNotClosed, "month",
                $"{month:MMMM yyyy} has not closed yet in your organisation's time zone; a run invoices a month once it is over.", StatusCodes.Status400BadRequest);
        }

        var active = await db.BillingRuns
            .Where(r => r.PeriodStart == month && (r.Status == BillingRunStatus.Queued || r.Status == BillingRunStatus.Running))
            .FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if ((active.LastModificationTime ?? active.CreationTime) > now - options.Value.StaleAfter)
            {
                throw new BusinessException(BillingErrorCodes.RunInProgress, $"A run for {month:MMMM yyyy} is already in progress ({active.Id}); follow it instead.");
            }

            // Silent for too long: its host stopped. Resume it where it stopped instead of starting over.
            await db.BillingRuns.Where(r => r.Id == active.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastModificationTime, now), cancellationToken);
            jobs.EnqueueForTenant<MonthEndJob, Guid>(tenant.Id, active.Id);
            return TypedResults.Accepted($"/api/billing/runs/{active.Id}", ToDto(active, await CountsAsync(db, [active.Id], cancellationToken)));
        }

        var run = new BillingRun(month.Year, month.Month, RunTrigger.Manual);
        db.BillingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            // Someone else (or the scheduler) started this month between our check and our insert.
            throw new BusinessException(BillingErrorCodes.RunInProgress, $"A run for {month:MMMM yyyy} has just been started; follow it instead.");
        }

        jobs.EnqueueForTenant<MonthEndJob, Guid>(tenant.Id, run.Id);
        return TypedResults.Accepted($"/api/billing/runs/{run.Id}", ToDto(run, []));
    }

    private sealed record Counts(int Processed, int Invoiced, int Sent, int Skipped, int Failed);

    private static async Task<Dictionary<Guid, Counts>> CountsAsync(IBillingDbContext db, List<Guid> runIds, CancellationToken cancellationToken)
    {
        var rows = await db.BillingRunItems.AsNoTracking().Where(i => runIds.Contains(i.RunId))
            .GroupBy(i => new { i.RunId, i.Outcome })
            .Select(g => new { g.Key.RunId, g.Key.Outcome, Count = g.Count(), Sent = g.Count(i => i.Sent) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RunId).ToDictionary(g => g.Key, g => new Counts(
            g.Sum(r => r.Count),
            g.Where(r => r.Outcome == RunOutcome.Invoiced).Sum(r => r.Count),
            g.Sum(r => r.Sent),
            g.Where(r => r.Outcome == RunOutcome.Skipped).Sum(r => r.Count),
            g.Where(r => r.Outcome == RunOutcome.Failed).Sum(r => r.Count)));
    }

    private static BillingRunDto ToDto(BillingRun r, Dictionary<Guid, Counts> counts)
    {
        var c = counts.GetValueOrDefault(r.Id) ?? new Counts(0, 0, 0, 0, 0);
        return new BillingRunDto(r.Id, r.Year, r.Month, r.PeriodStart, r.PeriodEnd, r.Trigger.ToString(), r.Status, r.CreationTime, r.StartedAt,
            r.FinishedAt, r.TotalClients, c.Processed, c.Invoiced, c.Sent, c.Skipped, c.Failed, r.Error);
    }
}

internal sealed class StartBillingRunValidator : IValidator<StartBillingRunRequest>
{
    public void Validate(StartBillingRunRequest r, ValidationErrors errors)
    {
        if (r.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "Must be between 2000 and 2100.");
        }

        if (r.Month is not (>= 1 and <= 12))
        {
            errors.Add("month", "Must be between 1 and 12.");
        }
    }
}

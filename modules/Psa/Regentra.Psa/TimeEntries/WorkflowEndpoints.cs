using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// The approval workflow over one or many entries: submit (owner), approve, reject and reopen (reviewers).
/// A request moves all its entries or none: every refusal is listed by position (<c>ids[2]</c>) and nothing
/// is saved. Two reviewers acting on the same entry at once: one wins, the other gets 409.
/// </summary>
internal static class WorkflowEndpoints
{
    public const int MaxIds = 1000;

    public static void Map(RouteGroupBuilder entries)
    {
        entries.MapPost("/submit", SubmitAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default)
            .WithSummary("Submits your Draft or Rejected entries for approval.");
        entries.MapPost("/approve", ApproveAsync).RequireAuthorization(PsaPermissions.TimeEntries.Approve)
            .WithSummary("Approves Submitted entries, making them billable.");
        entries.MapPost("/reject", RejectAsync).RequireAuthorization(PsaPermissions.TimeEntries.Approve).Validate<RejectTimeEntriesRequest>()
            .WithSummary("Rejects Submitted entries with a reason the technician sees.");
        entries.MapPost("/{id:guid}/reopen", ReopenAsync).RequireAuthorization(PsaPermissions.TimeEntries.Approve)
            .WithSummary("Takes an approval back (only while the entry is not invoiced); the entry returns to the queue.");
    }

    private static Task<Ok<TimeEntriesChangedResponse>> SubmitAsync(TimeEntryIdsRequest request, WorkflowRunner runner, Caller caller, CancellationToken ct) =>
        runner.RunAsync(request.Ids, (entry, now) => entry.Submit(caller.Id, now), ct);

    private static async Task<Ok<TimeEntriesChangedResponse>> ApproveAsync(
        TimeEntryIdsRequest request, WorkflowRunner runner, Caller caller, SelfReviewPolicy selfReview, CancellationToken ct)
    {
        var selfAllowed = await selfReview.IsAllowedAsync(ct);
        return await runner.RunAsync(request.Ids, (entry, now) => entry.Approve(caller.Id, selfAllowed, now), ct);
    }

    private static async Task<Ok<TimeEntriesChangedResponse>> RejectAsync(
        RejectTimeEntriesRequest request, WorkflowRunner runner, Caller caller, SelfReviewPolicy selfReview, CancellationToken ct)
    {
        var selfAllowed = await selfReview.IsAllowedAsync(ct);
        var reason = request.Reason!.Trim();
        return await runner.RunAsync(request.Ids, (entry, now) => entry.Reject(caller.Id, selfAllowed, reason, now), ct);
    }

    private static async Task<Ok<TimeEntryDto>> ReopenAsync(Guid id, WorkflowRunner runner, Caller caller, SelfReviewPolicy selfReview, CancellationToken ct)
    {
        var selfAllowed = await selfReview.IsAllowedAsync(ct);
        var result = await runner.RunAsync([id], (entry, now) => entry.Reopen(caller.Id, selfAllowed, now), ct, single: true);
        return TypedResults.Ok(result.Value!.Entries[0]);
    }
}

/// <summary>
/// Loads the entries of a workflow request that the caller may see (others' are "not found", as everywhere),
/// applies the action to each, and saves all or nothing. Whether the caller may act is the entry's rule: a
/// reviewer submitting someone else's entry they can see is told it is not theirs, not that it does not exist.
/// </summary>
internal sealed class WorkflowRunner(IPsaDbContext db, TimeEntryReader reader, Caller caller, TimeProvider clock)
{
    public async Task<Ok<TimeEntriesChangedResponse>> RunAsync(
        IReadOnlyList<Guid>? ids, Action<TimeEntry, DateTime> action, CancellationToken cancellationToken, bool single = false)
    {
        if (ids is not { Count: > 0 and <= WorkflowEndpoints.MaxIds } || ids.Distinct().Count() != ids.Count)
        {
            throw ValidationException.For("ids", $"Send between 1 and {WorkflowEndpoints.MaxIds} distinct entry ids.");
        }

        var me = caller.Id;
        var everyone = await reader.SeesEveryoneAsync(cancellationToken);
        var entries = await db.TimeEntries.Where(e => ids.Contains(e.Id) && (everyone || e.TechnicianId == me)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var missing = ids.Select((id, i) => (id, i)).Where(x => !entries.ContainsKey(x.id)).ToList();
        if (missing.Count > 0)
        {
            throw single
                ? new EntityNotFoundException("Time entry", missing[0].id)
                : new BusinessException(FrameworkErrorCodes.NotFound, "Some entries were not found; nothing was changed.", StatusCodes.Status404NotFound)
                {
                    FieldErrors = missing.ToDictionary(x => $"ids[{x.i}]", x => new[] { $"Time entry '{x.id}' was not found." }),
                };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var refusals = new List<(int Index, BusinessException Error)>();
        for (var i = 0; i < ids.Count; i++)
        {
            try
            {
                action(entries[ids[i]], now);
            }
            catch (BusinessException e)
            {
                refusals.Add((i, e));
            }
        }

        if (refusals.Count > 0)
        {
            var first = refusals[0].Error;
            if (single)
            {
                throw first;
            }

            throw new BusinessException(first.Code, refusals.Count == 1 ? first.Message : $"{refusals.Count} entries cannot change; nothing was changed.", first.StatusCode)
            {
                FieldErrors = refusals.ToDictionary(r => $"ids[{r.Index}]", r => new[] { r.Error.Message }),
            };
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            // Another request moved one of these entries first and its history step took the number this one
            // wanted. On PostgreSQL the unique index can refuse that row before the stale stamp is noticed.
            throw new BusinessException(FrameworkErrorCodes.Concurrency,
                "Someone else changed these entries at the same time; nothing was changed. Reload them and try again.");
        }

        return TypedResults.Ok(new TimeEntriesChangedResponse(await reader.GetManyAsync(ids.ToList(), cancellationToken)));
    }
}

internal sealed class RejectTimeEntriesValidator : IValidator<RejectTimeEntriesRequest>
{
    public void Validate(RejectTimeEntriesRequest request, ValidationErrors errors) =>
        errors.RequireText("reason", request.Reason, 1000);
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Framework.Errors;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;

namespace Regentra.Psa.TimeEntries;

/// <summary>POST /api/psa/time-entries (one entry) and /bulk (a whole timesheet, all or nothing).</summary>
internal static class LogTimeEntryEndpoints
{
    public const int MaxBulkRows = 1000;

    public static void Map(RouteGroupBuilder entries)
    {
        entries.MapPost("", LogAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default)
            .WithSummary("Logs your time on a ticket, for a client, or internally. Draft unless submit is true.");
        entries.MapPost("/bulk", LogManyAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default)
            .WithSummary($"Logs up to {MaxBulkRows} entries at once across tickets, clients and internal work. All are saved or none; errors name the row (entries[3].durationMinutes).");
    }

    private static async Task<Created<TimeEntryDto>> LogAsync(
        LogTimeEntryRequest request, TimeEntryDrafting drafting, IPsaDbContext db, TimeEntryReader reader, Caller caller, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await drafting.LockTechnicianAsync(caller.Id, cancellationToken);
        var draft = (await drafting.PrepareAsync(caller.Id, [TimeEntryFields.From(request)], _ => string.Empty, [], cancellationToken))[0];
        var entry = Create(caller.Id, draft, request.Submit, clock.GetUtcNow().UtcDateTime);
        db.TimeEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/psa/time-entries/{entry.Id}", (await reader.GetManyAsync([entry.Id], cancellationToken))[0]);
    }

    private static async Task<Created<BulkLogTimeEntriesResponse>> LogManyAsync(
        BulkLogTimeEntriesRequest request, TimeEntryDrafting drafting, IPsaDbContext db, TimeEntryReader reader, Caller caller, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Entries is not { Count: > 0 and <= MaxBulkRows } rows || rows.Any(r => r is null))
        {
            throw ValidationException.For("entries", $"Send between 1 and {MaxBulkRows} entries.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await drafting.LockTechnicianAsync(caller.Id, cancellationToken);
        var drafts = await drafting.PrepareAsync(caller.Id, rows.Select(TimeEntryFields.From).ToList(), i => $"entries[{i}]", [], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = drafts.Select((draft, i) => Create(caller.Id, draft, rows[i].Submit, now)).ToList();
        db.TimeEntries.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var dtos = await reader.GetManyAsync(created.Select(e => e.Id).ToList(), cancellationToken);
        return TypedResults.Created("/api/psa/time-entries", new BulkLogTimeEntriesResponse(dtos, created.Sum(e => e.DurationMinutes)));
    }

    private static TimeEntry Create(Guid technicianId, TimeEntryDraft draft, bool submit, DateTime now)
    {
        var entry = new TimeEntry(technicianId, draft.Target, draft.WorkDate, draft.DurationMinutes, draft.Description, draft.Billable, now);
        if (submit)
        {
            entry.Submit(technicianId, now);
        }

        return entry;
    }
}

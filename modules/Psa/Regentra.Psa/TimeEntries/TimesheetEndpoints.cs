using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// POST /api/psa/time-entries/timesheet: a week's grid saved in one request. The bulk log endpoint only adds
/// entries; a timesheet also changes and clears cells, and a half-saved week would leave the person guessing.
/// </summary>
internal static class TimesheetEndpoints
{
    public static void Map(RouteGroupBuilder entries) =>
        entries.MapPost("/timesheet", SaveAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default)
            .WithSummary($"Saves your timesheet: new entries (no id), changes to your Draft or Rejected entries (id and concurrencyStamp) and deletions, up to {TimesheetSaver.MaxChanges} in all. All are saved or none; errors name the row (entries[3].durationMinutes, deletes[0].id).");

    private static async Task<Ok<SaveTimesheetResponse>> SaveAsync(SaveTimesheetRequest request, TimesheetSaver saver, CancellationToken cancellationToken) =>
        TypedResults.Ok(await saver.SaveAsync(request, cancellationToken));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Permissions;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;

namespace Regentra.Psa.TimeEntries;

/// <summary>GET, PUT and DELETE /api/psa/time-entries/{id}: the owner changes only Draft or Rejected entries.</summary>
internal static class EditTimeEntryEndpoints
{
    public static void Map(RouteGroupBuilder entries)
    {
        entries.MapGet("/{id:guid}", GetAsync)
            .RequireAnyPermission(PsaPermissions.TimeEntries.Default, PsaPermissions.TimeEntries.ViewAll, PsaPermissions.TimeEntries.Approve);
        entries.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default).Validate<UpdateTimeEntryRequest>()
            .WithSummary("Changes your Draft or Rejected entry. Send the concurrencyStamp you read.");
        entries.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(PsaPermissions.TimeEntries.Default)
            .WithSummary("Deletes your Draft or Rejected entry.");
    }

    private static async Task<Ok<TimeEntryDto>> GetAsync(Guid id, TimeEntryReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.GetVisibleAsync(id, cancellationToken));

    private static async Task<Ok<TimeEntryDto>> UpdateAsync(
        Guid id, UpdateTimeEntryRequest request, IPsaDbContext db, TimeEntryDrafting drafting, TimeEntryReader reader, Caller caller,
        CancellationToken cancellationToken)
    {
        var entry = await LoadVisibleAsync(id, db, reader, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await drafting.LockTechnicianAsync(entry.TechnicianId, cancellationToken);
        var draft = (await drafting.PrepareAsync(entry.TechnicianId, [TimeEntryFields.From(request)], _ => string.Empty, [id], cancellationToken))[0];
        db.ExpectConcurrencyStamp(entry, request.ConcurrencyStamp);
        entry.Update(caller.Id, draft.Target, draft.WorkDate, draft.DurationMinutes, draft.Description, draft.Billable);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.GetVisibleAsync(id, cancellationToken));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, IPsaDbContext db, TimeEntryReader reader, Caller caller, CancellationToken cancellationToken)
    {
        var entry = await LoadVisibleAsync(id, db, reader, cancellationToken);
        entry.EnsureOwnerMayDelete(caller.Id);
        db.TimeEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<TimeEntry> LoadVisibleAsync(Guid id, IPsaDbContext db, TimeEntryReader reader, CancellationToken cancellationToken)
    {
        var visible = await reader.VisibleEntriesAsync(cancellationToken);
        if (!await visible.AnyAsync(e => e.Id == id, cancellationToken))
        {
            throw new EntityNotFoundException("Time entry", id);
        }

        return await db.TimeEntries.FirstAsync(e => e.Id == id, cancellationToken);
    }
}

internal sealed class UpdateTimeEntryValidator : IValidator<UpdateTimeEntryRequest>
{
    public void Validate(UpdateTimeEntryRequest request, ValidationErrors errors) =>
        errors.RequireText("concurrencyStamp", request.ConcurrencyStamp, 40);
}

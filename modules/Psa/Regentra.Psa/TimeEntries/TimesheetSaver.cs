using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;

namespace Regentra.Psa.TimeEntries;

/// <summary>
/// Applies a timesheet's creations, changes and deletions of the caller's own time in one transaction. Every
/// problem of every row is reported at once (field errors, unknown or duplicate ids, entries that may no longer
/// change) and nothing is written; a stale concurrencyStamp answers 409 and nothing is written either. The daily
/// 24 hours are checked against the week as it will be: changed and deleted entries no longer count as they were.
/// </summary>
internal sealed class TimesheetSaver(IPsaDbContext db, TimeEntryDrafting drafting, TimeEntryReader reader, Caller caller, TimeProvider clock)
{
    public const int MaxChanges = LogTimeEntryEndpoints.MaxBulkRows;

    public async Task<SaveTimesheetResponse> SaveAsync(SaveTimesheetRequest request, CancellationToken cancellationToken)
    {
        var rows = request.Entries ?? [];
        var deletes = request.Deletes ?? [];
        if (rows.Count + deletes.Count is 0 or > MaxChanges || rows.Any(r => r is null) || deletes.Any(d => d is null))
        {
            throw ValidationException.For("entries", $"Send between 1 and {MaxChanges} rows and deletions in all.");
        }

        var me = caller.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await drafting.LockTechnicianAsync(me, cancellationToken);

        var referenced = rows.Select(r => r.Id).Concat(deletes.Select(d => d.Id)).OfType<Guid>().ToHashSet();
        var mine = await db.TimeEntries.Where(e => referenced.Contains(e.Id) && e.TechnicianId == me).ToDictionaryAsync(e => e.Id, cancellationToken);

        var errors = new ValidationErrors();
        var refusals = new List<(string Key, BusinessException Error)>();
        var seen = new HashSet<Guid>();
        var updates = new TimeEntry?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Id is { } id)
            {
                updates[i] = Existing(id, rows[i].ConcurrencyStamp, $"entries[{i}]", errors, mine, seen, refusals, e => e.EnsureOwnerMayUpdate(me));
            }
        }

        var removed = new List<TimeEntry>();
        for (var i = 0; i < deletes.Count; i++)
        {
            if (deletes[i].Id is not { } id)
            {
                errors.Add($"deletes[{i}].id", "This field is required.");
            }
            else if (Existing(id, deletes[i].ConcurrencyStamp, $"deletes[{i}]", errors, mine, seen, refusals, e => e.EnsureOwnerMayDelete(me)) is { } entry)
            {
                removed.Add(entry);
            }
        }

        IReadOnlyList<TimeEntryDraft> drafts = [];
        try
        {
            drafts = await drafting.PrepareAsync(me, rows.Select(TimeEntryFields.From).ToList(), i => $"entries[{i}]", mine.Keys, cancellationToken);
        }
        catch (ValidationException e)
        {
            foreach (var (key, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(key, message);
                }
            }
        }

        ThrowIfRefused(errors, refusals);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in removed)
        {
            db.TimeEntries.Remove(entry);
        }

        var saved = new List<Guid>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, draft) = (rows[i], drafts[i]);
            var entry = updates[i];
            if (entry is null)
            {
                entry = new TimeEntry(me, draft.Target, draft.WorkDate, draft.DurationMinutes, draft.Description, draft.Billable, now);
                db.TimeEntries.Add(entry);
            }
            else
            {
                entry.Update(me, draft.Target, draft.WorkDate, draft.DurationMinutes, draft.Description, draft.Billable);
            }

            if (row.Submit)
            {
                entry.Submit(me, now);
            }

            saved.Add(entry.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveTimesheetResponse(await reader.GetManyAsync(saved, cancellationToken), removed.Select(e => e.Id).ToList());
    }

    // One of the caller's entries named by a row or a deletion, checked for existence, duplicates, stamp and state.
    private TimeEntry? Existing(
        Guid id, string? stamp, string prefix, ValidationErrors errors, Dictionary<Guid, TimeEntry> mine, HashSet<Guid> seen,
        List<(string Key, BusinessException Error)> refusals, Action<TimeEntry> ensureMayChange)
    {
        var rowErrors = errors.For(prefix);
        if (!mine.TryGetValue(id, out var entry))
        {
            rowErrors.Add("id", $"Time entry '{id}' was not found among your time.");
            return null;
        }

        if (!seen.Add(id))
        {
            rowErrors.Add("id", "This entry appears more than once in the timesheet.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(stamp))
        {
            rowErrors.Add("concurrencyStamp", "Send the concurrencyStamp you read with the entry.");
            return null;
        }

        try
        {
            ensureMayChange(entry);
        }
        catch (BusinessException e)
        {
            refusals.Add(($"{prefix}.id", e));
            return null;
        }

        db.ExpectConcurrencyStamp(entry, stamp);
        return entry;
    }

    // Entries that may no longer change (submitted, approved, invoiced) keep their own code when nothing else is wrong;
    // with other problems too, everything is one validation answer so each row shows what to fix.
    private static void ThrowIfRefused(ValidationErrors errors, List<(string Key, BusinessException Error)> refusals)
    {
        if (errors.HasErrors)
        {
            refusals.ForEach(r => errors.Add(r.Key, r.Error.Message));
            errors.ThrowIfAny();
        }

        if (refusals.Count > 0)
        {
            var first = refusals[0].Error;
            throw new BusinessException(first.Code, refusals.Count == 1 ? first.Message : $"{refusals.Count} entries can no longer change; nothing was saved.", first.StatusCode)
            {
                FieldErrors = refusals.ToDictionary(r => r.Key, r => new[] { r.Error.Message }),
            };
        }
    }
}

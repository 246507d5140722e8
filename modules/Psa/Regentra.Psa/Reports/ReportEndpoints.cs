using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Reports;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Psa.Data;
using Regentra.Psa.TimeEntries;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.Reports;

/// <summary>/api/psa/reports: utilisation and unbilled time. Sums run in SQL; hours are minutes ÷ 60 rounded to 2 decimals.</summary>
internal static class ReportEndpoints
{
    public const int MaxDays = 3 * 366;
    private static readonly TimeEntryStatus[] DefaultStatuses = [TimeEntryStatus.Submitted, TimeEntryStatus.Approved];

    public static void Map(IEndpointRouteBuilder psa)
    {
        var reports = psa.MapGroup("/reports");
        reports.MapGet("/utilization", UtilizationAsync).RequireAuthorization(PsaPermissions.Reports)
            .WithSummary("Total, billable and non-billable hours and utilisation % (billable ÷ total) per technician or client over [from, to). statuses defaults to Submitted,Approved. Internal and non-billable time count too.");
        reports.MapGet("/unbilled", UnbilledAsync).RequireAuthorization(PsaPermissions.Reports)
            .WithSummary("Approved billable time not yet on an invoice, per client (optionally only work dates in [from, to)).");
    }

    internal sealed record UtilizationQuery(DateOnly? From, DateOnly? To, string? GroupBy, string? Statuses);

    private static async Task<Ok<UtilizationReportDto>> UtilizationAsync(
        [AsParameters] UtilizationQuery query, IPsaDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckPeriod(query.From, query.To, required: true, errors);
        var byClient = string.Equals(query.GroupBy, "client", StringComparison.OrdinalIgnoreCase);
        if (query.GroupBy is not null && !byClient && !string.Equals(query.GroupBy, "technician", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("groupBy", "Use technician or client.");
        }

        var statuses = EnumFilters.Parse<TimeEntryStatus>(query.Statuses, errors, "statuses");
        errors.ThrowIfAny();
        statuses = statuses.Count > 0 ? statuses : [.. DefaultStatuses];

        var (from, to) = (query.From!.Value, query.To!.Value);
        var entries = db.TimeEntries.AsNoTracking().Where(e => e.WorkDate >= from && e.WorkDate < to && statuses.Contains(e.Status));
        var sums = await (byClient
                ? entries.GroupBy(e => e.ClientId).Select(g => new Sum(g.Key, g.Sum(e => e.DurationMinutes), g.Sum(e => e.Billable ? e.DurationMinutes : 0)))
                : entries.GroupBy(e => (Guid?)e.TechnicianId).Select(g => new Sum(g.Key, g.Sum(e => e.DurationMinutes), g.Sum(e => e.Billable ? e.DurationMinutes : 0))))
            .ToListAsync(cancellationToken);

        var names = byClient ? await ClientNamesAsync(db, sums, cancellationToken) : await TechnicianNamesAsync(users, sums, cancellationToken);
        var rows = sums.Select(s => Row(s.Key, names[s.Key ?? Guid.Empty], s.Total, s.Billable))
            .OrderBy(r => r.Key is null).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return TypedResults.Ok(new UtilizationReportDto(from, to, byClient ? "client" : "technician", statuses.Select(s => s.ToString()).ToList(), rows,
            Row(null, "Total", sums.Sum(s => s.Total), sums.Sum(s => s.Billable))));
    }

    internal sealed record UnbilledQuery(DateOnly? From, DateOnly? To);

    private static async Task<Ok<UnbilledReportDto>> UnbilledAsync([AsParameters] UnbilledQuery query, IPsaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckPeriod(query.From, query.To, required: false, errors);
        errors.ThrowIfAny();

        var entries = db.TimeEntries.AsNoTracking()
            .Where(e => e.Status == TimeEntryStatus.Approved && e.Billable && e.InvoiceId == null && e.ClientId != null);
        entries = query.From is { } from ? entries.Where(e => e.WorkDate >= from) : entries;
        entries = query.To is { } to ? entries.Where(e => e.WorkDate < to) : entries;
        // Aggregate first, then join: EF Core cannot translate aggregates over a grouping that has been joined.
        var sums = entries.GroupBy(e => e.ClientId)
            .Select(g => new { ClientId = g.Key, Count = g.Count(), Minutes = g.Sum(e => e.DurationMinutes), Oldest = g.Min(e => e.WorkDate), Newest = g.Max(e => e.WorkDate) });
        var perClient = await (
            from s in sums
            join c in db.Clients on s.ClientId equals c.Id
            select new { ClientId = c.Id, c.Name, s.Count, s.Minutes, s.Oldest, s.Newest })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new UnbilledReportDto(
            perClient.OrderByDescending(c => c.Minutes).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(c => new UnbilledClientDto(c.ClientId, c.Name, c.Count, Hours(c.Minutes), c.Oldest, c.Newest)).ToList(),
            perClient.Sum(c => c.Count),
            Hours(perClient.Sum(c => c.Minutes))));
    }

    private sealed record Sum(Guid? Key, int Total, int Billable);

    private static void CheckPeriod(DateOnly? from, DateOnly? to, bool required, ValidationErrors errors)
    {
        if (required && from is null)
        {
            errors.Add("from", "This field is required.");
        }

        if (required && to is null)
        {
            errors.Add("to", "This field is required.");
        }

        if (from is { } f && to is { } t && (t <= f || t.DayNumber - f.DayNumber > MaxDays))
        {
            errors.Add("to", $"Must be after from and at most {MaxDays} days later (the period is from ≤ workDate < to).");
        }
    }

    private static UtilizationRowDto Row(Guid? key, string name, int total, int billable) =>
        new(key, name, Hours(total), Hours(billable), Hours(total - billable),
            total == 0 ? 0m : Math.Round(billable * 100m / total, 1, MidpointRounding.AwayFromZero));

    private static decimal Hours(int minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    private static async Task<Dictionary<Guid, string>> ClientNamesAsync(IPsaDbContext db, List<Sum> sums, CancellationToken cancellationToken)
    {
        var ids = sums.Where(s => s.Key is not null).Select(s => s.Key!.Value).ToList();
        var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        names[Guid.Empty] = "Internal (no client)";
        return names;
    }

    private static async Task<Dictionary<Guid, string>> TechnicianNamesAsync(IUserDirectory users, List<Sum> sums, CancellationToken cancellationToken)
    {
        var members = await users.GetManyAsync(sums.Select(s => s.Key!.Value).ToHashSet(), cancellationToken);
        return sums.ToDictionary(s => s.Key!.Value, s => members.TryGetValue(s.Key!.Value, out var m) ? m.Name : "(former member)");
    }
}

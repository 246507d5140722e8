using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Paging;
using Regentra.Host.Data;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.TestBase;

/// <summary>Shortcuts for arranging and reading time entries: through the API, and through Billing's IBillableTimeSource.</summary>
public static class TimeArrange
{
    public const string Entries = "/api/psa/time-entries";

    /// <summary>Turns the organisation's "allow self-approval" setting on or off (GET, then PUT with the stamp).</summary>
    public static async Task<TenantSettingsDto> SetSelfApprovalAsync(this TenantSession admin, bool allowed)
    {
        var s = await admin.Client.GetAsync<TenantSettingsDto>("/api/saas/settings");
        var update = new UpdateTenantSettingsRequest(s.OrganizationName, s.Address, s.TimeZone, s.Currency, s.InvoicePrefix, s.PaymentTermsDays,
            s.TaxRatePercent, s.DefaultHourlyRate, allowed, s.ConcurrencyStamp);
        return await (await admin.Client.PutJsonAsync("/api/saas/settings", update)).ReadAsync<TenantSettingsDto>();
    }

    public static Task<HttpResponseMessage> PostBulkAsync(this TenantSession session, IReadOnlyList<LogTimeEntryRequest>? rows) =>
        session.Client.PostJsonAsync($"{Entries}/bulk", new BulkLogTimeEntriesRequest(rows));

    public static async Task<BulkLogTimeEntriesResponse> LogManyAsync(this TenantSession session, params LogTimeEntryRequest[] rows) =>
        await (await session.PostBulkAsync(rows)).ReadAsync<BulkLogTimeEntriesResponse>(HttpStatusCode.Created);

    /// <summary>An update that keeps every field as read (with the stamp); change fields with <c>with</c>.</summary>
    public static UpdateTimeEntryRequest AsUpdate(this TimeEntryDto e) =>
        new(e.TicketId, e.TicketId is null ? e.ClientId : null, e.WorkDate, e.DurationMinutes, e.Description, e.Billable, e.ConcurrencyStamp);

    public static Task<HttpResponseMessage> PutEntryAsync(this TenantSession session, Guid id, UpdateTimeEntryRequest request) =>
        session.Client.PutJsonAsync($"{Entries}/{id}", request);

    public static Task<HttpResponseMessage> DeleteEntryAsync(this TenantSession session, Guid id) =>
        session.Client.CallAsync(HttpMethod.Delete, $"{Entries}/{id}");

    public static Task<HttpResponseMessage> ReopenAsync(this TenantSession session, Guid id) =>
        session.Client.CallAsync(HttpMethod.Post, $"{Entries}/{id}/reopen");

    public static Task<List<TimeEntryTransitionDto>> HistoryAsync(this TenantSession session, Guid id) =>
        session.Client.GetAsync<List<TimeEntryTransitionDto>>($"{Entries}/{id}/history");

    /// <summary>GET /api/psa/time-entries with a query string such as <c>status=Draft&amp;take=5</c>.</summary>
    public static Task<PagedResult<TimeEntryDto>> ListTimeAsync(this TenantSession session, string query = "") =>
        session.Client.GetAsync<PagedResult<TimeEntryDto>>($"{Entries}?{query}");

    public static Task<ApprovalQueueDto> ApprovalQueueAsync(this TenantSession session, string query = "") =>
        session.Client.GetAsync<ApprovalQueueDto>($"/api/psa/approvals?{query}");

    /// <summary>Logs <paramref name="request"/> as <paramref name="owner"/>, submitted, and has <paramref name="reviewer"/> approve it.</summary>
    public static async Task<TimeEntryDto> LogApprovedEntryAsync(this TenantSession owner, TenantSession reviewer, LogTimeEntryRequest request)
    {
        var entry = await owner.LogAsync(request with { Submit = true });
        var approved = await (await reviewer.ActAsync("approve", entry.Id)).ReadAsync<TimeEntriesChangedResponse>();
        return approved.Entries.Single();
    }

    /// <summary>Reads through Billing's integration service, in the tenant, outside any request (as Billing's jobs do).</summary>
    public static async Task<T> BillableTimeAsync<T>(this RegentraApp app, Guid tenantId, Func<IBillableTimeSource, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await read(scope.ServiceProvider.GetRequiredService<IBillableTimeSource>());
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> the way Billing saves an invoice: in the tenant, inside a transaction, then
    /// SaveChanges and commit. When <paramref name="work"/> throws, the transaction is rolled back and the exception rethrown.
    /// </summary>
    public static async Task InBillingTransactionAsync(this RegentraApp app, Guid tenantId, Func<IBillableTimeSource, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegentraDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await work(scope.ServiceProvider.GetRequiredService<IBillableTimeSource>());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
    }

    /// <summary>Puts the entries on invoice <paramref name="invoiceId"/> (a fresh one when null) and returns its id.</summary>
    public static async Task<Guid> InvoiceAsync(this RegentraApp app, Guid tenantId, IReadOnlyCollection<Guid> entryIds, Guid? invoiceId = null)
    {
        var claim = await app.TimeToInvoiceOfAsync(invoiceId ?? Guid.NewGuid(), entryIds);
        await app.InBillingTransactionAsync(tenantId, source => source.MarkInvoicedAsync([claim]));
        return claim.Invoice.InvoiceId;
    }

    /// <summary>
    /// An invoice's claim as Billing would make it for these entries: their client, over the days they cover, each entry
    /// at its current version (an unknown id gets version 0).
    /// </summary>
    public static async Task<TimeToInvoice> TimeToInvoiceOfAsync(this RegentraApp app, Guid invoiceId, IReadOnlyCollection<Guid> entryIds)
    {
        var stored = await app.QueryAsync(db => db.TimeEntries.IgnoreQueryFilters().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ClientId, e.WorkDate, e.TransitionCount }).ToListAsync());
        var invoice = stored.Count == 0
            ? new InvoicedTime(invoiceId, Guid.Empty, DateOnly.MinValue, DateOnly.MinValue)
            : new InvoicedTime(invoiceId, stored.Select(e => e.ClientId).FirstOrDefault(c => c != null) ?? Guid.Empty,
                stored.Min(e => e.WorkDate), stored.Max(e => e.WorkDate).AddDays(1));
        var versions = stored.ToDictionary(e => e.Id, e => e.TransitionCount);
        return new TimeToInvoice(invoice, entryIds.Select(id => new EntryVersion(id, versions.GetValueOrDefault(id))).ToList());
    }

    /// <summary>The claim of <see cref="TimeToInvoiceOfAsync"/> without the entries.</summary>
    public static async Task<InvoicedTime> InvoicedTimeOfAsync(this RegentraApp app, Guid invoiceId, IReadOnlyCollection<Guid> entryIds) =>
        (await app.TimeToInvoiceOfAsync(invoiceId, entryIds)).Invoice;

    /// <summary>The invoice id stored on an entry, read past every filter.</summary>
    public static Task<Guid?> StoredInvoiceIdAsync(this RegentraApp app, Guid entryId) =>
        app.QueryAsync(db => db.TimeEntries.IgnoreQueryFilters().Where(e => e.Id == entryId).Select(e => e.InvoiceId).SingleAsync());
}

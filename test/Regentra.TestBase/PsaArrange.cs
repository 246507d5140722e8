using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.MultiTenancy;
using Regentra.Host.Data;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.TestBase;

/// <summary>More PSA arrangements: organisations with a currency, ticket moves, approved time, invoiced time.</summary>
public static class PsaArrange
{
    /// <summary>Signs up an organisation whose currency is <paramref name="currency"/> and returns its admin.</summary>
    public static async Task<TenantSession> SignUpWithCurrencyAsync(this RegentraApp app, string currency)
    {
        var slug = Sessions.NewSlug();
        var email = $"admin@{slug}.test";
        var tenant = await (await app.CreateClient().PostJsonAsync("/api/saas/signup",
                new SignupRequest($"Org {slug}", slug, email, Sessions.Password, "Ada Admin", null, currency)))
            .ReadAsync<TenantDto>(HttpStatusCode.Created);
        return await app.SignInAsync(slug, email, Sessions.Password, tenant.Id);
    }

    public static Task<HttpResponseMessage> ChangeTicketStatusAsync(this TenantSession session, Guid ticketId, TicketStatus status, string? concurrencyStamp = null) =>
        session.Client.PostJsonAsync($"/api/psa/tickets/{ticketId}/status", new ChangeTicketStatusRequest(status, concurrencyStamp));

    /// <summary>Moves a ticket along <paramref name="path"/>, asserting each step succeeds.</summary>
    public static async Task<TicketDetailDto> MoveTicketAsync(this TenantSession session, Guid ticketId, params TicketStatus[] path)
    {
        TicketDetailDto? ticket = null;
        foreach (var status in path)
        {
            ticket = await (await session.ChangeTicketStatusAsync(ticketId, status)).ReadAsync<TicketDetailDto>();
        }

        return ticket ?? await session.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticketId}");
    }

    /// <summary>Logs the entries submitted as <paramref name="technician"/>, then approves them as <paramref name="approver"/>.</summary>
    public static async Task<IReadOnlyList<TimeEntryDto>> LogApprovedAsync(this TenantSession technician, TenantSession approver, params LogTimeEntryRequest[] requests)
    {
        var ids = new List<Guid>();
        foreach (var request in requests)
        {
            ids.Add((await technician.LogAsync(request with { Submit = true })).Id);
        }

        return (await (await approver.ActAsync("approve", [.. ids])).ReadAsync<TimeEntriesChangedResponse>()).Entries;
    }

    /// <summary>Logs an entry submitted as <paramref name="technician"/> and rejects it as <paramref name="reviewer"/>.</summary>
    public static async Task<TimeEntryDto> LogRejectedAsync(this TenantSession technician, TenantSession reviewer, LogTimeEntryRequest request)
    {
        var entry = await technician.LogAsync(request with { Submit = true });
        await (await reviewer.RejectAsync("Wrong ticket", entry.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return entry;
    }

    public static async Task DeactivateMemberAsync(this TenantSession admin, Guid userId) =>
        await (await admin.Client.PostJsonAsync($"/api/saas/users/{userId}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    /// <summary>Puts approved entries on an invoice the way Billing does: through the PSA integration service, in one transaction.</summary>
    public static async Task MarkInvoicedAsync(this RegentraApp app, Guid tenantId, params Guid[] entryIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<RegentraDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<IBillableTimeSource>().MarkInvoicedAsync([await app.TimeToInvoiceOfAsync(Guid.NewGuid(), entryIds)]);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}

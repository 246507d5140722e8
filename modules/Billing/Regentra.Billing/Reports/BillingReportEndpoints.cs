using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Reports;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Reports;

/// <summary>/api/billing/reports: invoice aging.</summary>
internal static class BillingReportEndpoints
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapGroup("/reports").MapGet("/aging", AgingAsync).RequireAuthorization(BillingPermissions.Invoices.Default)
            .WithSummary("What is still due on sent invoices, by days past the due date (current, 1–30, 31–60, 61–90, 90+) as of asOf (default: today), per client and per currency.");

    private static async Task<Ok<InvoiceAgingDto>> AgingAsync(DateOnly? asOf, InvoiceAging aging, ITenantClock clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await aging.BuildAsync(asOf ?? await clock.TodayAsync(cancellationToken), cancellationToken));
}

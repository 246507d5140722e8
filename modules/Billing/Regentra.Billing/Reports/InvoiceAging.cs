using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Reports;
using Regentra.Billing.Data;
using Regentra.Framework.Money;

namespace Regentra.Billing.Reports;

/// <summary>
/// The invoice aging report: every sent invoice with money still due, bucketed by days past its due date as of a
/// date, per client and per currency. Balances are summed in minor units and only within one currency.
/// </summary>
internal sealed class InvoiceAging(IBillingDbContext db)
{
    private static readonly InvoiceStatus[] Open = [InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    public async Task<InvoiceAgingDto> BuildAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = await db.Invoices.AsNoTracking()
            .Where(i => Open.Contains(i.Status) && i.TotalMinor > i.PaidMinor && i.IssueDate <= asOf)
            .Select(i => new OpenInvoice(i.ClientId, i.ClientName, i.Currency, i.DueDate!.Value, i.TotalMinor - i.PaidMinor))
            .ToListAsync(cancellationToken);

        var clients = open.GroupBy(i => (i.ClientId, i.Currency))
            .Select(g => new AgingClientDto(g.Key.ClientId, g.OrderByDescending(i => i.DueDate).First().ClientName, g.Key.Currency,
                Amounts(g.ToList(), g.Key.Currency, asOf), g.Min(i => i.DueDate)))
            .OrderBy(c => c.OldestDueDate).ThenBy(c => c.ClientName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var totals = open.GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgingCurrencyDto(g.Key, Amounts(g.ToList(), g.Key, asOf))).ToList();
        return new InvoiceAgingDto(asOf, totals, clients);
    }

    private static AgingAmountsDto Amounts(List<OpenInvoice> invoices, string currency, DateOnly asOf)
    {
        var sums = new long[Enum.GetValues<AgingBucket>().Length];
        foreach (var invoice in invoices)
        {
            sums[(int)AgingBuckets.For(invoice.DueDate, asOf)] += invoice.DueMinor;
        }

        decimal Money(long minor) => MoneyMath.FromMinor(minor, currency);
        return new AgingAmountsDto(Money(sums[0]), Money(sums[1]), Money(sums[2]), Money(sums[3]), Money(sums[4]), Money(sums.Sum()), invoices.Count);
    }

    private sealed record OpenInvoice(Guid ClientId, string ClientName, string Currency, DateOnly DueDate, long DueMinor);
}

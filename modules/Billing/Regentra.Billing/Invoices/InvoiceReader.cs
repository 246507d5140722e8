using System.Text.Json;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Framework;
using Regentra.Framework.Money;

namespace Regentra.Billing.Invoices;

/// <summary>Invoices as the API shows them: minor units back to exact decimals, the pay link spelled out.</summary>
internal sealed class InvoiceReader(IPublicUrl publicUrl)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InvoiceDto ToDto(Invoice i) => new(
        i.Id, i.Number, i.ClientId, i.ClientName, i.PeriodStart, i.PeriodEnd, i.Status, i.Currency,
        Money(i.SubtotalMinor, i), Money(i.TaxMinor, i), Money(i.TotalMinor, i), Money(i.PaidMinor, i), Money(i.BalanceMinor, i),
        i.IssueDate, i.DueDate, i.CreationTime, i.ConcurrencyStamp);

    public InvoiceDetailDto ToDetail(Invoice i) => new(
        i.Id, i.Number, i.ClientId, i.ClientName, i.BillingEmail, i.ClientAddress, i.PeriodStart, i.PeriodEnd, i.Status, i.Currency,
        i.Lines.OrderBy(l => l.Position).Select(l => ToDto(l, i.Currency)).ToList(),
        Money(i.SubtotalMinor, i), i.TaxRatePercent, Money(i.TaxMinor, i), Money(i.TotalMinor, i), Money(i.PaidMinor, i), Money(i.BalanceMinor, i),
        Hours(i.CoveredMinutes), Block(i),
        JsonSerializer.Deserialize<List<InvoiceWarningDto>>(i.WarningsJson, Json) ?? [],
        i.Payments.OrderBy(p => p.Date).ThenBy(p => p.CreationTime)
            .Select(p => new PaymentDto(p.Id, p.Kind.ToString(), MoneyMath.FromMinor(p.AmountMinor, i.Currency), p.Date, p.Method, p.Reference, p.CreationTime))
            .ToList(),
        i.IssueDate, i.DueDate, i.CreationTime, i.SentAt, i.EmailedAt, i.VoidedAt, i.VoidReason, PayUrl(i), i.ConcurrencyStamp);

    public string? PayUrl(Invoice invoice) => invoice.PayToken is null ? null : $"{publicUrl.Resolve()}/pay/{invoice.PayToken}";

    public static InvoiceLineDto ToDto(Calculation.CalculatedLine l, string currency) => new(
        null, l.Kind, l.Date, l.TechnicianName, l.TicketNumber, l.Description, l.Quantity, l.UnitPrice,
        MoneyMath.FromMinor(l.AmountMinor, currency), l.ActualMinutes, l.BilledMinutes, l.TimeEntryId);

    public static BlockHoursUsageDto? Block(Calculation.BlockUsage? b) =>
        b is null ? null : new BlockHoursUsageDto(b.IncludedHours, b.RolledInHours, b.UsedHours, b.OverageHours, b.CarriedOutHours);

    private static InvoiceLineDto ToDto(InvoiceLine l, string currency) => new(
        l.Id, l.Kind, l.Date, l.TechnicianName, l.TicketNumber, l.Description, l.Quantity, l.UnitPrice,
        MoneyMath.FromMinor(l.AmountMinor, currency), l.ActualMinutes, l.BilledMinutes, l.TimeEntryId);

    private static BlockHoursUsageDto? Block(Invoice i) => i.BlockIncludedHours is null ? null
        : new BlockHoursUsageDto(i.BlockIncludedHours.Value, i.BlockRolledInHours ?? 0, i.BlockUsedHours ?? 0, i.BlockOverageHours ?? 0, i.BlockCarriedOutHours ?? 0);

    private static decimal Money(long minor, Invoice i) => MoneyMath.FromMinor(minor, i.Currency);

    private static decimal Hours(int minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
}

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
        i.IssueDate, i.DueDate, i.CreationTime, i.ConcurrencyStamp, i.FlaggedPayments);

    public InvoiceDetailDto ToDetail(Invoice i) => new(
        i.Id, i.Number, i.ClientId, i.ClientName, i.BillingEmail, i.ClientAddress, i.PeriodStart, i.PeriodEnd, i.Status, i.Currency,
        i.Lines.OrderBy(l => l.Position).Select(l => ToDto(l, i.Currency)).ToList(),
        Money(i.SubtotalMinor, i), i.TaxRatePercent, Money(i.TaxMinor, i), Money(i.TotalMinor, i), Money(i.PaidMinor, i), Money(i.BalanceMinor, i),
        Hours(i.CoveredMinutes), Block(i),
        JsonSerializer.Deserialize<List<InvoiceWarningDto>>(i.WarningsJson, Json) ?? [],
        i.Payments.OrderBy(p => p.Date).ThenBy(p => p.CreationTime).Select(ToDto).ToList(),
        i.IssueDate, i.DueDate, i.CreationTime, i.SentAt, i.EmailedAt, i.VoidedAt, i.VoidReason, PayUrl(i), i.ConcurrencyStamp, i.FlaggedPayments,
        Money(i.RefundedMinor, i),
        i.Emails.OrderBy(e => e.Send).Select(ToDto).ToList());

    public static InvoiceEmailDto ToDto(Emails.InvoiceEmail e) => new(
        e.Id, e.Send, e.MessageId, e.Recipient, e.Subject, e.Status, e.CreationTime, e.Attempts, e.LastAttemptAt, e.DeliveredAt,
        e.Status == InvoiceEmailStatus.Pending ? e.NextAttemptAt : null, e.LastError, e.PossiblyRepeated);

    public static PaymentDto ToDto(Payment p) => new(
        p.Id, p.Kind.ToString(), PaymentAmount(p), p.Date, p.Method, p.Reference, p.CreationTime, p.Source.ToString(), p.Currency, p.Applied, p.Message,
        p.Flag == PaymentFlag.None ? null : p.Flag.ToString(), p.FlagMessage, p.FlagResolvedAt, p.FlagResolution,
        p.Source == PaymentSource.Stripe ? new StripePaymentIdsDto(p.StripePaymentIntentId, p.StripeChargeId, p.StripeRefundId, p.StripeCheckoutSessionId) : null);

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

    // A payment in a currency outside ISO's active list (possible only from Stripe) is shown with Stripe's decimals.
    private static decimal PaymentAmount(Payment p) => Currencies.IsKnown(p.Currency)
        ? MoneyMath.FromMinor(p.AmountMinor, p.Currency)
        : p.AmountMinor / (decimal)Math.Pow(10, Checkout.StripeAmounts.StripeDecimals(p.Currency));

    private static decimal Hours(int minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
}

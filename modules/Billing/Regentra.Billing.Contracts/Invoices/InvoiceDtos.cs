namespace Regentra.Billing.Contracts.Invoices;

/// <summary>Draft → Sent → PartiallyPaid → Paid; Sent or PartiallyPaid past the due date is Overdue; unpaid Sent or Overdue can be Void.</summary>
public enum InvoiceStatus
{
    Draft,
    Sent,
    PartiallyPaid,
    Paid,
    Overdue,
    Void,
}

public enum InvoiceLineKind
{
    Time,
    Fee,
    Overage,
    Manual,
}

/// <param name="Quantity">Hours for time and overage lines (billed minutes ÷ 60, shown to 2 decimals); 1 for fees.</param>
/// <param name="Amount">Rounded to the currency's minor unit, half away from zero, from the exact minutes.</param>
public sealed record InvoiceLineDto(
    Guid? Id,
    InvoiceLineKind Kind,
    DateOnly? Date,
    string? TechnicianName,
    string? TicketNumber,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount,
    int? ActualMinutes,
    int? BilledMinutes,
    Guid? TimeEntryId);

/// <param name="Code">NotApproved, NonBillable, AlreadyInvoiced, NoAgreement, CoveredByFee, ZeroTotal, NoBillingEmail.</param>
public sealed record InvoiceWarningDto(string Code, string Message, int? Count = null, decimal? Hours = null);

/// <summary>Block-hours usage of the period: what was included, rolled in, used, charged as overage and carried out.</summary>
public sealed record BlockHoursUsageDto(decimal Included, decimal RolledIn, decimal Used, decimal Overage, decimal CarriedOut);

public sealed record InvoicePreviewDto(
    Guid ClientId,
    string ClientName,
    DateOnly From,
    DateOnly To,
    string Currency,
    IReadOnlyList<InvoiceLineDto> Lines,
    decimal Subtotal,
    decimal TaxRatePercent,
    decimal Tax,
    decimal Total,
    decimal CoveredHours,
    BlockHoursUsageDto? BlockHours,
    IReadOnlyList<InvoiceWarningDto> Warnings);

/// <param name="FlaggedPayments">Payments on this invoice that need the MSP's attention (overpaid, on a void invoice, another currency).</param>
public sealed record InvoiceDto(
    Guid Id,
    string? Number,
    Guid ClientId,
    string ClientName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    InvoiceStatus Status,
    string Currency,
    decimal Subtotal,
    decimal Tax,
    decimal Total,
    decimal Paid,
    decimal Balance,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    DateTime CreationTime,
    string ConcurrencyStamp,
    int FlaggedPayments);

/// <summary>What the invoices a list's filters select add up to, in one currency.</summary>
/// <param name="Count">Every invoice selected, void ones included.</param>
/// <param name="Total">Invoiced: the totals of all but void invoices (drafts included).</param>
/// <param name="Paid">Applied payments less applied refunds.</param>
/// <param name="Balance">Still due on sent invoices (Sent, PartiallyPaid, Overdue; a credit on an overpaid one lowers it): drafts are not due yet and void invoices never.</param>
public sealed record InvoiceTotalsDto(string Currency, int Count, decimal Total, decimal Paid, decimal Balance);

/// <summary>Money received or refunded on an invoice, manual or through Stripe, or a Stripe payment attempt that failed.</summary>
/// <param name="Kind">Payment, Refund, or Failure (a declined or failed Stripe attempt: no money moved, Amount is what was attempted).</param>
/// <param name="Amount">In <paramref name="Currency"/>, which differs from the invoice's only on a payment flagged CurrencyMismatch.</param>
/// <param name="Method">BankTransfer, Card, Cash, Check or Other for manual payments; Stripe's payment method type (card, sepa_debit, ...) for Stripe.</param>
/// <param name="Source">Manual or Stripe.</param>
/// <param name="Applied">Whether it counts in the invoice's paid amount: a payment on a void invoice or in another currency is recorded but not applied.</param>
/// <param name="Message">Why a failed attempt failed, as Stripe put it.</param>
/// <param name="Flag">Overpayment, InvoiceVoid, InvoiceDraft or CurrencyMismatch: the MSP should look at it (refund or move the money). Null when nothing needs attention.</param>
/// <param name="FlagResolvedAt">When someone marked the flag as sorted out (or a refund settled it); the flag is then no longer counted on the invoice.</param>
public sealed record PaymentDto(
    Guid Id,
    string Kind,
    decimal Amount,
    DateOnly Date,
    string Method,
    string? Reference,
    DateTime CreationTime,
    string Source,
    string Currency,
    bool Applied,
    string? Message,
    string? Flag,
    string? FlagMessage,
    DateTime? FlagResolvedAt,
    string? FlagResolution,
    StripePaymentIdsDto? Stripe);

/// <summary>Stripe's ids for a payment, refund or failed attempt, to find it in the Stripe dashboard.</summary>
public sealed record StripePaymentIdsDto(string? PaymentIntentId, string? ChargeId, string? RefundId, string? CheckoutSessionId);

/// <param name="Note">What was done about it, e.g. "Refunded the overpayment in Stripe" (required).</param>
public sealed record ResolvePaymentFlagRequest(string? Note);

/// <param name="Paid">Applied payments less applied refunds. More than Total when overpaid (Balance is then negative: a credit).</param>
/// <param name="Refunded">Applied refunds, already deducted from Paid.</param>
public sealed record InvoiceDetailDto(
    Guid Id,
    string? Number,
    Guid ClientId,
    string ClientName,
    string? BillingEmail,
    string? ClientAddress,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    InvoiceStatus Status,
    string Currency,
    IReadOnlyList<InvoiceLineDto> Lines,
    decimal Subtotal,
    decimal TaxRatePercent,
    decimal Tax,
    decimal Total,
    decimal Paid,
    decimal Balance,
    decimal CoveredHours,
    BlockHoursUsageDto? BlockHours,
    IReadOnlyList<InvoiceWarningDto> Warnings,
    IReadOnlyList<PaymentDto> Payments,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    DateTime CreationTime,
    DateTime? SentAt,
    DateTime? EmailedAt,
    DateTime? VoidedAt,
    string? VoidReason,
    string? PayUrl,
    string ConcurrencyStamp,
    int FlaggedPayments,
    decimal Refunded,
    IReadOnlyList<InvoiceEmailDto> Emails);

/// <summary>A client and a half-open period [From, To).</summary>
public sealed record InvoiceRequest(Guid? ClientId, DateOnly? From, DateOnly? To);

/// <param name="ClientIds">Leave out for every active client with an agreement or billable time in the period.</param>
public sealed record BatchInvoiceRequest(DateOnly? From, DateOnly? To, IReadOnlyList<Guid>? ClientIds);

/// <param name="Outcome">Invoiced, Skipped (with the reason) or Failed (with the error).</param>
public sealed record BatchOutcomeDto(Guid ClientId, string ClientName, string Outcome, Guid? InvoiceId, string? Message);

public sealed record BatchInvoiceResponse(IReadOnlyList<BatchOutcomeDto> Outcomes, int Invoiced, int Skipped, int Failed);

public sealed record AddInvoiceLineRequest(string? Description, decimal? Quantity, decimal? UnitPrice);

public sealed record VoidInvoiceRequest(string? Reason);

/// <param name="Method">BankTransfer, Card, Cash, Check or Other.</param>
public sealed record RecordPaymentRequest(decimal? Amount, DateOnly? Date, string? Method, string? Reference);

using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Contracts.Payments;

/// <summary>What the client who holds an invoice's pay link may see of it (no sign-in).</summary>
/// <param name="AmountDue">What is still to pay (total less payments, plus refunds).</param>
/// <param name="OnlinePaymentAvailable">Whether "Pay now" can open a Stripe Checkout page now.</param>
/// <param name="OnlinePaymentUnavailableReason">Why not, in words for the client, when it cannot.</param>
/// <param name="PaymentProcessing">A payment (e.g. a bank debit) was made and is waiting to clear.</param>
/// <param name="LogoUrl">The organisation's logo for the page, when it has one (the URL changes with the image).</param>
public sealed record PublicInvoiceDto(
    string OrganizationName,
    string? OrganizationAddress,
    string Number,
    string ClientName,
    DateOnly IssueDate,
    DateOnly DueDate,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Currency,
    decimal Subtotal,
    decimal Tax,
    decimal Total,
    decimal AmountPaid,
    decimal AmountDue,
    InvoiceStatus Status,
    bool OnlinePaymentAvailable,
    string? OnlinePaymentUnavailableReason,
    bool PaymentProcessing,
    string? LogoUrl);

/// <param name="Url">The Stripe-hosted Checkout page to send the client to.</param>
/// <param name="Amount">What the page charges, in the invoice's currency.</param>
public sealed record CheckoutResponse(string Url, string SessionId, decimal Amount, string Currency, DateTime ExpiresAt);

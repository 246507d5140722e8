using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Invoices;

/// <summary>Where the sent invoice's email stands, and what to tell the sender when it did not go straight out.</summary>
internal sealed record InvoiceSendResult(InvoiceEmailStatus EmailStatus, string? EmailError);

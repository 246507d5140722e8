using Regentra.Billing.Contracts.Invoices;

namespace Regentra.Billing.Invoices;

/// <summary>The sent invoice, where its email stands, and what to tell the sender when it did not go straight out.</summary>
internal sealed record InvoiceSendResult(Invoice Invoice, InvoiceEmailStatus EmailStatus, string? EmailError);

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>Everything printed on an invoice PDF, already formatted where a rule applies (amounts are exact decimals).</summary>
/// <param name="Logo">The organisation's logo (PNG or JPEG), printed above its name.</param>
internal sealed record InvoiceDocument(
    string OrganizationName,
    string? OrganizationAddress,
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string ClientName,
    string? ClientAddress,
    string? ClientEmail,
    string Currency,
    IReadOnlyList<InvoiceDocumentLine> Lines,
    decimal Subtotal,
    decimal TaxRatePercent,
    decimal Tax,
    decimal Total,
    decimal Paid,
    decimal Balance,
    string? PayUrl,
    IReadOnlyList<string> Notes,
    byte[]? Logo = null);

/// <param name="Detail">Who and what, e.g. "Ada Admin · T-000042"; null for fee lines.</param>
/// <param name="Quantity">Hours for time and overage, 1 (or a prorated share) for fees.</param>
internal sealed record InvoiceDocumentLine(DateOnly? Date, string Description, string? Detail, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>Renders an invoice to PDF bytes (PDFsharp, with fonts embedded so it looks the same on every server).</summary>
internal interface IInvoicePdfRenderer
{
    byte[] Render(InvoiceDocument document);
}

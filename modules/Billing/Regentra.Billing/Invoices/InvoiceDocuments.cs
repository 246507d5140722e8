using Regentra.Billing.Invoices.Pdf;
using Regentra.Framework.Money;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Invoices;

/// <summary>Builds what the PDF prints from an invoice and the organisation's settings.</summary>
internal sealed class InvoiceDocuments(ITenantSettingsProvider settings, ITenantBranding branding, InvoiceReader reader)
{
    public async Task<InvoiceDocument> BuildAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var organisation = await settings.GetAsync(cancellationToken);
        var notes = new List<string>();
        if (invoice.CoveredMinutes > 0)
        {
            notes.Add($"{invoice.CoveredMinutes / 60m:0.##} h of work this period are covered by your monthly agreement.");
        }

        if (invoice.BlockIncludedHours is { } included)
        {
            notes.Add($"Block hours: {included:0.##} included, {invoice.BlockRolledInHours ?? 0:0.##} carried in, {invoice.BlockUsedHours ?? 0:0.##} used, " +
                $"{invoice.BlockOverageHours ?? 0:0.##} over; {invoice.BlockCarriedOutHours ?? 0:0.##} carried into next month.");
        }

        notes.Add($"Payment is due within {(invoice.DueDate!.Value.DayNumber - invoice.IssueDate!.Value.DayNumber)} days of the issue date.");
        return new InvoiceDocument(
            organisation.OrganizationName, organisation.Address, invoice.Number!, invoice.IssueDate!.Value, invoice.DueDate.Value,
            invoice.PeriodStart, invoice.PeriodEnd, invoice.ClientName, invoice.ClientAddress, invoice.BillingEmail, invoice.Currency,
            invoice.Lines.OrderBy(l => l.Position).Select(l => new InvoiceDocumentLine(
                l.Date, l.Description, Detail(l), l.Quantity, l.UnitPrice, MoneyMath.FromMinor(l.AmountMinor, invoice.Currency))).ToList(),
            MoneyMath.FromMinor(invoice.SubtotalMinor, invoice.Currency), invoice.TaxRatePercent, MoneyMath.FromMinor(invoice.TaxMinor, invoice.Currency),
            MoneyMath.FromMinor(invoice.TotalMinor, invoice.Currency), MoneyMath.FromMinor(invoice.PaidMinor, invoice.Currency),
            MoneyMath.FromMinor(invoice.BalanceMinor, invoice.Currency), reader.PayUrl(invoice), notes,
            (await branding.GetLogoAsync(cancellationToken))?.Content);
    }

    private static string? Detail(InvoiceLine line) =>
        string.Join(" · ", new[] { line.TechnicianName, line.TicketNumber }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } d ? d : null;
}

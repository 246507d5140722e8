using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices.Pdf;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts.Billing;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Invoices;

/// <summary>
/// Sends an invoice: a draft gets its number, issue and due dates and pay link in one transaction (so numbers are
/// gapless and never reused), then the PDF is emailed to the client. Sending a sent, unpaid invoice again emails it
/// again. An email that fails is reported and can be retried; the invoice stays sent.
/// </summary>
internal sealed partial class InvoiceSender(
    IBillingDbContext db,
    InvoiceNumbers numbers,
    IClientDirectory clients,
    ITenantSettingsProvider settings,
    ITenantClock clock,
    ICurrentTenant tenant,
    InvoiceDocuments documents,
    IInvoicePdfRenderer renderer,
    IEmailSender email,
    TimeProvider time,
    ILogger<InvoiceSender> logger)
{
    public async Task<(Invoice Invoice, string? EmailError)> SendAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, invoiceId, cancellationToken);
        if (invoice.Status == InvoiceStatus.Draft)
        {
            await AssignNumberAsync(invoice, cancellationToken);
        }
        else if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Void)
        {
            throw new BusinessException(BillingErrorCodes.NotSendable, $"A {invoice.Status} invoice is not sent again.");
        }

        try
        {
            await EmailAsync(invoice, cancellationToken);
            invoice.MarkEmailed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return (invoice, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException)
        {
            LogEmailFailed(logger, e, invoice.Number!, invoice.BillingEmail!);
            return (invoice, $"The invoice is sent but the email to {invoice.BillingEmail} failed: {e.Message}. Send it again to retry.");
        }
    }

    private async Task AssignNumberAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(invoice.ClientId, cancellationToken);
        if (client is not null)
        {
            invoice.RefreshClient(client.Name, client.BillingEmail, client.Address);
        }

        if (string.IsNullOrWhiteSpace(invoice.BillingEmail))
        {
            throw new BusinessException(BillingErrorCodes.NoBillingEmail, $"{invoice.ClientName} has no billing email. Add one to the client, then send.");
        }

        var tenantSettings = await settings.GetAsync(cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = await numbers.NextAsync(tenant.Id!.Value, today.Year, cancellationToken);
        invoice.MarkSent(InvoiceNumbers.Format(tenantSettings.InvoicePrefix, today.Year, sequence), today.Year, sequence, today,
            tenantSettings.PaymentTermsDays, NewPayToken(), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSent(logger, invoice.Number!, invoice.Id);
    }

    private async Task EmailAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var document = await documents.BuildAsync(invoice, cancellationToken);
        var pdf = renderer.Render(document);
        var total = $"{MoneyMath.FromMinor(invoice.TotalMinor, invoice.Currency).ToString("N" + Currencies.MinorUnits(invoice.Currency), CultureInfo.InvariantCulture)} {invoice.Currency}";
        var payLine = document.PayUrl is null ? string.Empty : $"\nPay online: {document.PayUrl}\n";
        await email.SendAsync(new EmailMessage(
            invoice.BillingEmail!,
            $"Invoice {invoice.Number} from {document.OrganizationName}",
            $"""
            Hello,

            Please find attached invoice {invoice.Number} from {document.OrganizationName} for {invoice.PeriodStart:d MMMM yyyy} – {invoice.PeriodEnd.AddDays(-1):d MMMM yyyy}.

            Amount due: {total}
            Due date: {invoice.DueDate:d MMMM yyyy}
            {payLine}
            Thank you for your business.
            """)
        {
            Attachments = [new EmailAttachment($"{invoice.Number}.pdf", "application/pdf", pdf)],
        }, cancellationToken);
    }

    private static string NewPayToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} ({InvoiceId}) sent")]
    private static partial void LogSent(ILogger logger, string number, Guid invoiceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Emailing invoice {Number} to {Email} failed")]
    private static partial void LogEmailFailed(ILogger logger, Exception exception, string number, string email);
}

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

internal static class InvoiceLoader
{
    /// <summary>The invoice with its lines and payments, or 404 (also for another tenant's invoice).</summary>
    public static async Task<Invoice> LoadAsync(IBillingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Invoices.Include(i => i.Lines).Include(i => i.Payments).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException("Invoice", id);
}

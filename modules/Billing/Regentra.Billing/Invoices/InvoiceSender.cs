using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices.Emails;
using Regentra.Framework.Data;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Contracts.Billing;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Invoices;

/// <summary>
/// Sends an invoice. A draft gets its number, issue and due dates, pay link and its email (the outbox row, with its
/// Message-ID) in one transaction, so numbers are gapless and never reused and no send is ever without its email.
/// Sending a sent, unpaid invoice again records another email (or hurries the one still waiting). Once committed, the
/// email is delivered straight away so the sender sees the outcome; if that fails, or the host stops first, the outbox
/// job delivers it (<see cref="InvoiceEmailOutbox"/>). The invoice stays sent whatever happens to its email.
/// </summary>
internal sealed partial class InvoiceSender(
    IBillingDbContext db,
    InvoiceNumbers numbers,
    IClientDirectory clients,
    ITenantSettingsProvider settings,
    ITenantClock clock,
    ICurrentTenant tenant,
    InvoiceReader reader,
    InvoiceEmailDelivery delivery,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<InvoiceSender> logger)
{
    public async Task<InvoiceSendResult> SendAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, invoiceId, cancellationToken);
        InvoiceEmail email;
        if (invoice.Status == InvoiceStatus.Draft)
        {
            email = await NumberAsync(invoice, cancellationToken);
        }
        else if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Void)
        {
            throw new BusinessException(BillingErrorCodes.NotSendable, $"A {invoice.Status} invoice is not sent again.");
        }
        else
        {
            email = await ResendAsync(invoice, (await settings.GetAsync(cancellationToken)).OrganizationName, cancellationToken);
        }

        var delivered = await delivery.DeliverAsync(email.Id, onlyIfDue: false, cancellationToken);
        db.ChangeTracker.Clear();
        return new InvoiceSendResult(delivered.Status, Describe(delivered));
    }

    private async Task<InvoiceEmail> NumberAsync(Invoice invoice, CancellationToken cancellationToken)
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
        var email = QueueEmail(invoice, tenantSettings.OrganizationName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            // Sent at the same moment by another request, which recorded the first email: the same answer as a stale draft.
            throw new DbUpdateConcurrencyException("The invoice was sent by someone else a moment ago.", e);
        }

        await transaction.CommitAsync(cancellationToken);
        LogSent(logger, invoice.Number!, invoice.Id, email.MessageId);
        return email;
    }

    private async Task<InvoiceEmail> ResendAsync(Invoice invoice, string organisation, CancellationToken cancellationToken)
    {
        var email = QueueEmail(invoice, organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return email;
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            // Another request resent it at the same moment: its email is this one too (two clicks, one email).
            db.ChangeTracker.Clear();
            return (await InvoiceLoader.LoadAsync(db, invoice.Id, cancellationToken)).Emails.MaxBy(m => m.Send)!;
        }
    }

    /// <summary>Writes the email as the client will read it; the PDF is attached at delivery.</summary>
    private InvoiceEmail QueueEmail(Invoice invoice, string organisation)
    {
        var total = $"{MoneyMath.FromMinor(invoice.TotalMinor, invoice.Currency).ToString("N" + Currencies.MinorUnits(invoice.Currency), CultureInfo.InvariantCulture)} {invoice.Currency}";
        var payUrl = reader.PayUrl(invoice);
        var payLine = payUrl is null ? string.Empty : $"\nPay online: {payUrl}\n";
        return invoice.QueueEmail(
            send => emailOptions.Value.MessageIdFor($"invoice.{invoice.Id:N}.{send}"),
            $"Invoice {invoice.Number} from {organisation}",
            $"""
            Hello,

            Please find attached invoice {invoice.Number} from {organisation} for {invoice.PeriodStart:d MMMM yyyy} – {invoice.PeriodEnd.AddDays(-1):d MMMM yyyy}.

            Amount due: {total}
            Due date: {invoice.DueDate:d MMMM yyyy}
            {payLine}
            Thank you for your business.
            """,
            time.GetUtcNow().UtcDateTime);
    }

    /// <summary>What the sender is told when the email did not go straight out; null when it did (or another host is delivering it now).</summary>
    private static string? Describe(InvoiceEmail email) => email.Status switch
    {
        InvoiceEmailStatus.Pending when email.LastError is not null && email.LeaseUntil is null =>
            $"The invoice is sent but the email to {email.Recipient} failed: {Sentence(email.LastError)} It is tried again automatically at " +
            $"{email.NextAttemptAt:HH:mm} UTC, or send again to try now.",
        InvoiceEmailStatus.Failed =>
            $"The invoice is sent but the email to {email.Recipient} could not be delivered: {Sentence(email.LastError)} Check the client's billing email, then send again.",
        _ => null,
    };

    private static string Sentence(string? text) => $"{text?.Trim().TrimEnd('.')}.";

    private static string NewPayToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} ({InvoiceId}) sent; its email is {MessageId}")]
    private static partial void LogSent(ILogger logger, string number, Guid invoiceId, string messageId);
}

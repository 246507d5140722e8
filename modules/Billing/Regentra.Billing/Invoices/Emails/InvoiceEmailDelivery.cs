using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices.Pdf;
using Regentra.Framework.Emailing;
using Regentra.Framework.Errors;

namespace Regentra.Billing.Invoices.Emails;

/// <summary>
/// Delivers one recorded invoice email: claims it (one conditional update, so of several hosts or jobs only one
/// delivers it at a time), renders the PDF, hands the message to the mail server with its fixed Message-ID, and records
/// the outcome. A host that dies after the hand-over and before the record leaves the claim to expire
/// (Billing:EmailLeaseSeconds); the next delivery then sends the same message again and marks it possibly repeated.
/// </summary>
internal sealed partial class InvoiceEmailDelivery(
    IBillingDbContext db,
    InvoiceDocuments documents,
    IInvoicePdfRenderer renderer,
    IEmailSender email,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<InvoiceEmailDelivery> logger)
{
    /// <param name="onlyIfDue">The outbox job's delivery: leave an email alone until its next try is due. A send asks for it now.</param>
    /// <returns>The email as it stands afterwards: delivered, pending (failed and to be retried, or being delivered by someone else), failed or cancelled.</returns>
    public async Task<InvoiceEmail> DeliverAsync(Guid emailId, bool onlyIfDue, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseUntil = now + options.Value.EmailLease;
        var claimed = await db.InvoiceEmails
            .Where(e => e.Id == emailId && e.Status == InvoiceEmailStatus.Pending && (e.LeaseUntil == null || e.LeaseUntil < now)
                && (!onlyIfDue || e.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.LeaseUntil, leaseUntil).SetProperty(e => e.LastAttemptAt, now), cancellationToken);
        // The caller may be tracking the row from before the claim: refresh that copy rather than read it twice.
        var row = db.InvoiceEmails.Local.FirstOrDefault(e => e.Id == emailId);
        if (row is not null)
        {
            await db.Entry(row).ReloadAsync(cancellationToken);
        }
        else
        {
            row = await db.InvoiceEmails.FirstOrDefaultAsync(e => e.Id == emailId, cancellationToken) ?? throw new EntityNotFoundException("Invoice email", emailId);
        }
        if (claimed == 0)
        {
            return row;
        }

        var invoice = await InvoiceLoader.LoadAsync(db, row.InvoiceId, cancellationToken);
        if (invoice.Status == InvoiceStatus.Void)
        {
            row.Cancel();
            await db.SaveChangesAsync(CancellationToken.None);
            return row;
        }

        try
        {
            var pdf = renderer.Render(await documents.BuildAsync(invoice, cancellationToken));
            await email.SendAsync(new EmailMessage(row.Recipient, row.Subject, row.TextBody)
            {
                MessageId = row.MessageId,
                Attachments = [new EmailAttachment($"{invoice.Number}.pdf", "application/pdf", pdf)],
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-way (the host is shutting down): the outcome is unknown, so the next delivery may repeat it.
            row.DeliveryInterrupted(Now);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            var permanent = e is EmailRejectedException;
            row.DeliveryFailed(e.Message, permanent, Now);
            await db.SaveChangesAsync(CancellationToken.None);
            if (row.Status == InvoiceEmailStatus.Failed)
            {
                LogGaveUp(logger, e, invoice.Number!, row.Recipient, row.MessageId, row.Attempts);
            }
            else
            {
                LogRetrying(logger, invoice.Number!, row.Recipient, row.MessageId, e.Message, row.NextAttemptAt);
            }

            return row;
        }

        // Handed over: recorded whatever the caller's token says, or the next delivery would repeat it.
        var delivered = Now;
        row.Delivered(delivered);
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
            await db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailedAt, delivered), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        if (row.PossiblyRepeated)
        {
            LogRepeated(logger, invoice.Number!, row.Recipient, row.MessageId, row.Attempts);
        }

        return row;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emailing invoice {Number} to {To} ({MessageId}) failed: {Reason}; trying again at {NextAttemptAt:u}")]
    private static partial void LogRetrying(ILogger logger, string number, string to, string messageId, string reason, DateTime nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Emailing invoice {Number} to {To} ({MessageId}) failed for good after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string number, string to, string messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} emailed to {To} ({MessageId}) after an interrupted attempt: the client may have it twice, with the same Message-ID ({Attempts} attempts)")]
    private static partial void LogRepeated(ILogger logger, string number, string to, string messageId, int attempts);
}

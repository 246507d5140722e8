using Regentra.Billing.Contracts.Invoices;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Invoices.Emails;

/// <summary>
/// One email of an invoice (its first send or a resend), recorded in the transaction that sends the invoice, before
/// anything is handed to a mail server: the outbox row. Its Message-ID is fixed here, so every delivery of it, however
/// often a crash makes one repeat, is the same message to the client's mail program.
/// </summary>
/// <remarks>
/// A delivery first claims the row (<see cref="Attempts"/> + 1 and a lease, in one conditional update that only one host
/// can win), then hands the message over, then records the outcome. A host that dies in between leaves the claim
/// without an outcome: once the lease runs out the outbox job delivers it again, and <see cref="PossiblyRepeated"/> says
/// the client may have it twice.
/// </remarks>
internal sealed class InvoiceEmail : IMultiTenant, IHasCreationAudit
{
    /// <summary>Waits after the 1st, 2nd, … failed delivery; after the last the email is given up (Failed).</summary>
    internal static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];

    private InvoiceEmail()
    {
    }

    public InvoiceEmail(Guid invoiceId, int send, string messageId, string recipient, string subject, string textBody, DateTime utcNow)
    {
        InvoiceId = invoiceId;
        Send = send;
        MessageId = messageId;
        Recipient = recipient;
        Subject = subject;
        TextBody = textBody;
        NextAttemptAt = utcNow;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid InvoiceId { get; private set; }

    /// <summary>1 for the invoice's first send, 2 for its first resend, …</summary>
    public int Send { get; private set; }

    /// <summary>Without angle brackets; the same for every delivery of this email.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public string Recipient { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    /// <summary>The text as written at send time. The PDF is rendered at delivery, so it shows the invoice as it is then.</summary>
    public string TextBody { get; private set; } = string.Empty;

    public InvoiceEmailStatus Status { get; private set; } = InvoiceEmailStatus.Pending;

    /// <summary>Deliveries started (claimed), whatever became of them.</summary>
    public int Attempts { get; private set; }

    /// <summary>Deliveries that ended with a known failure (the mail server did not take the message).</summary>
    public int FailedAttempts { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    /// <summary>A pending email is not delivered by the outbox job before this (now, or later after a failure).</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>While set and in the future, a delivery is under way and nobody else may start one.</summary>
    public DateTime? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public bool PossiblyRepeated { get; private set; }

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    /// <summary>Started deliveries that neither failed nor were recorded as delivered: their host stopped mid-way.</summary>
    public int InterruptedAttempts => Attempts - FailedAttempts - (Status == InvoiceEmailStatus.Delivered ? 1 : 0);

    /// <summary>The claimed delivery went through. If an earlier one was interrupted, it may have gone through too.</summary>
    public void Delivered(DateTime utcNow)
    {
        Status = InvoiceEmailStatus.Delivered;
        DeliveredAt = utcNow;
        LeaseUntil = null;
        PossiblyRepeated = Attempts - FailedAttempts > 1;
    }

    /// <summary>The claimed delivery failed: tried again after the next of <see cref="RetryDelays"/>, or given up when refused for good or out of retries.</summary>
    public void DeliveryFailed(string error, bool permanent, DateTime utcNow)
    {
        FailedAttempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        LeaseUntil = null;
        if (permanent || FailedAttempts > RetryDelays.Length)
        {
            Status = InvoiceEmailStatus.Failed;
            return;
        }

        NextAttemptAt = utcNow + RetryDelays[FailedAttempts - 1];
    }

    /// <summary>The claimed delivery was stopped (the host is shutting down) with its outcome unknown: free it for the next one at once.</summary>
    public void DeliveryInterrupted(DateTime utcNow) => (LeaseUntil, NextAttemptAt) = (null, utcNow);

    /// <summary>Asked to send again while still pending: try now rather than at the next retry.</summary>
    public void Hurry(DateTime utcNow) => NextAttemptAt = utcNow < NextAttemptAt ? utcNow : NextAttemptAt;

    /// <summary>The invoice was voided first: the client is not sent an invoice that no longer stands.</summary>
    public void Cancel() => (Status, LeaseUntil) = (InvoiceEmailStatus.Cancelled, null);
}

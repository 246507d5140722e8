namespace Regentra.Billing.Contracts.Invoices;

/// <summary>Where one email of an invoice stands.</summary>
public enum InvoiceEmailStatus
{
    /// <summary>Recorded with the send and waiting for delivery (or for its next try after a failure).</summary>
    Pending,

    /// <summary>Handed to the mail server.</summary>
    Delivered,

    /// <summary>Refused by the mail server for good, or still failing after every retry: send the invoice again to try anew.</summary>
    Failed,

    /// <summary>The invoice was voided before its email went out, so it was not sent.</summary>
    Cancelled,
}

namespace Regentra.Billing.Contracts.Invoices;

/// <summary>
/// One email of an invoice: the first send, or a resend. Every delivery of it carries the same <paramref name="MessageId"/>.
/// </summary>
/// <param name="Send">1 for the first send, 2 for the first resend, …</param>
/// <param name="Attempts">Deliveries started, including interrupted and failed ones.</param>
/// <param name="PossiblyRepeated">
/// Delivered after an attempt that was interrupted (its host stopped) after it may already have reached the mail server:
/// the client may have it twice, with the same Message-ID, which mail clients show once.
/// </param>
/// <param name="NextAttemptAt">When a pending email is tried next (after a failure, or straight away).</param>
public sealed record InvoiceEmailDto(
    Guid Id,
    int Send,
    string MessageId,
    string To,
    string Subject,
    InvoiceEmailStatus Status,
    DateTime QueuedAt,
    int Attempts,
    DateTime? LastAttemptAt,
    DateTime? DeliveredAt,
    DateTime? NextAttemptAt,
    string? LastError,
    bool PossiblyRepeated);

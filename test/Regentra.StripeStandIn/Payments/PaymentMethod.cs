namespace Regentra.StripeStandIn.Payments;

/// <summary>What the customer does on the hosted page (or a test through the control API).</summary>
internal enum PaymentMethod
{
    /// <summary>A card that is charged at once.</summary>
    Card,

    /// <summary>A bank debit (SEPA): the session completes unpaid and the payment settles later.</summary>
    Async,

    /// <summary>A card the bank declines; the session stays open for another try.</summary>
    Decline,
}

using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Checkout;

internal enum CheckoutSessionStatus
{
    /// <summary>Reserved; the Stripe session is being created with this row's idempotency key and parameters.</summary>
    Creating,
    Open,

    /// <summary>Completed with a payment that has not cleared yet (a bank debit): no second session may be opened meanwhile.</summary>
    Processing,
    Complete,
    Expired,
    Failed,
}

/// <summary>
/// A Stripe Checkout Session opened for an invoice. The row is written before Stripe is called, with the idempotency
/// key and parameters every concurrent request then sends, so however many clicks arrive at once Stripe makes one
/// session. (TenantId, InvoiceId, Attempt) is unique: a new attempt (after an expiry or a changed amount) gets a new key.
/// </summary>
internal sealed class CheckoutSession : IMultiTenant, IHasCreationAudit
{
    private CheckoutSession()
    {
    }

    public CheckoutSession(Guid invoiceId, int attempt, long amountMinor, long stripeAmount, string currency, DateTime expiresAt)
    {
        InvoiceId = invoiceId;
        Attempt = attempt;
        AmountMinor = amountMinor;
        StripeAmount = stripeAmount;
        Currency = currency;
        ExpiresAt = expiresAt;
        IdempotencyKey = $"regentra-checkout-{invoiceId:N}-{attempt}-{amountMinor}";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public int Attempt { get; private set; }

    /// <summary>The balance this session was opened for, in our minor units.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>What the session charges, in Stripe's units (see StripeAmounts).</summary>
    public long StripeAmount { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public string IdempotencyKey { get; private set; } = string.Empty;

    public DateTime ExpiresAt { get; private set; }

    public CheckoutSessionStatus Status { get; private set; } = CheckoutSessionStatus.Creating;

    public string? StripeSessionId { get; private set; }

    public string? Url { get; private set; }

    public string? PaymentIntentId { get; private set; }

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    public bool IsUsable(long amountMinor, DateTime utcNow) =>
        Status == CheckoutSessionStatus.Open && AmountMinor == amountMinor && Url is not null && ExpiresAt > utcNow.AddMinutes(5);

    public void Opened(string stripeSessionId, string url) => (StripeSessionId, Url, Status) = (stripeSessionId, url, CheckoutSessionStatus.Open);

    /// <summary>
    /// Moves forward only (Open → Processing → Complete/Failed, Open → Expired): notices arrive late and out of order, and a
    /// late "completed, unpaid" must not undo "paid".
    /// </summary>
    public bool MoveTo(CheckoutSessionStatus status, string? paymentIntentId = null)
    {
        PaymentIntentId ??= paymentIntentId;
        if (Rank(status) <= Rank(Status))
        {
            return false;
        }

        Status = status;
        return true;
    }

    private static int Rank(CheckoutSessionStatus status) => status switch
    {
        CheckoutSessionStatus.Creating => 0,
        CheckoutSessionStatus.Open => 1,
        CheckoutSessionStatus.Processing => 2,
        _ => 3,
    };
}

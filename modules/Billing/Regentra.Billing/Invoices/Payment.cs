using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Invoices;

internal enum PaymentKind
{
    Payment,
    Refund,

    /// <summary>A Stripe attempt that was declined or whose bank debit failed: recorded for the MSP to see, moves no money.</summary>
    Failure,
}

internal enum PaymentSource
{
    Manual,
    Stripe,
}

/// <summary>Why a payment needs the MSP's attention. It is recorded either way: money received is never dropped.</summary>
internal enum PaymentFlag
{
    None,

    /// <summary>More was received than was due; applied in full, so the invoice shows a credit.</summary>
    Overpayment,

    /// <summary>Received on a void invoice: recorded, not applied.</summary>
    InvoiceVoid,

    /// <summary>Received on an invoice that was never sent: recorded, not applied.</summary>
    InvoiceDraft,

    /// <summary>Received in another currency than the invoice's: recorded in its own currency, not applied.</summary>
    CurrencyMismatch,
}

/// <summary>
/// Money received (or refunded) against an invoice, or a failed Stripe attempt. <see cref="ExternalId"/> is unique per
/// tenant (Stripe's PaymentIntent id for a payment, the refund id for a refund), so however many notices mention one
/// payment it is recorded once. <see cref="Applied"/> says whether the amount counts in the invoice's paid amount.
/// </summary>
internal sealed class Payment : IMultiTenant, IHasCreationAudit
{
    private Payment()
    {
    }

    private Payment(Guid invoiceId, PaymentKind kind, PaymentSource source, long amountMinor, string currency, DateOnly date, string method)
    {
        InvoiceId = invoiceId;
        Kind = kind;
        Source = source;
        AmountMinor = amountMinor;
        Currency = currency;
        Date = date;
        Method = method;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public PaymentKind Kind { get; private set; }

    public PaymentSource Source { get; private set; }

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public string Method { get; private set; } = string.Empty;

    public string? Reference { get; private set; }

    public string? ExternalId { get; private set; }

    public bool Applied { get; private set; }

    /// <summary>Why a failed attempt failed.</summary>
    public string? Message { get; private set; }

    public PaymentFlag Flag { get; private set; }

    public string? FlagMessage { get; private set; }

    public DateTime? FlagResolvedAt { get; private set; }

    public Guid? FlagResolvedBy { get; private set; }

    public string? FlagResolution { get; private set; }

    public string? StripePaymentIntentId { get; private set; }

    public string? StripeChargeId { get; private set; }

    public string? StripeRefundId { get; private set; }

    public string? StripeCheckoutSessionId { get; private set; }

    /// <summary>A recorded Stripe refund that Stripe later reported failed or canceled: its amount no longer counts.</summary>
    public DateTime? ReversedAt { get; private set; }

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    public bool NeedsAttention => Flag != PaymentFlag.None && FlagResolvedAt is null;

    public static Payment Manual(Guid invoiceId, long amountMinor, string currency, DateOnly date, string method, string? reference) =>
        new(invoiceId, PaymentKind.Payment, PaymentSource.Manual, amountMinor, currency, date, method) { Reference = reference, Applied = true };

    public static Payment FromStripe(Guid invoiceId, StripePaymentFacts facts, DateOnly date) =>
        new(invoiceId, PaymentKind.Payment, PaymentSource.Stripe, facts.AmountMinor, facts.Currency, date, facts.Method)
        {
            ExternalId = facts.PaymentIntentId,
            StripePaymentIntentId = facts.PaymentIntentId,
            StripeChargeId = facts.ChargeId,
            StripeCheckoutSessionId = facts.CheckoutSessionId,
        };

    public static Payment StripeRefund(Guid invoiceId, Payment refunded, StripeRefundFacts facts, DateOnly date) =>
        new(invoiceId, PaymentKind.Refund, PaymentSource.Stripe, facts.AmountMinor, refunded.Currency, date, refunded.Method)
        {
            ExternalId = facts.RefundId,
            StripeRefundId = facts.RefundId,
            StripePaymentIntentId = refunded.StripePaymentIntentId,
            StripeChargeId = facts.ChargeId ?? refunded.StripeChargeId,
            Reference = facts.Reason,
        };

    public static Payment StripeFailure(Guid invoiceId, StripePaymentFacts facts, DateOnly date) =>
        new(invoiceId, PaymentKind.Failure, PaymentSource.Stripe, facts.AmountMinor, facts.Currency, date, facts.Method)
        {
            ExternalId = FailureKey(facts.PaymentIntentId),
            StripePaymentIntentId = facts.PaymentIntentId,
            StripeChargeId = facts.ChargeId,
            StripeCheckoutSessionId = facts.CheckoutSessionId,
            Message = facts.FailureMessage,
        };

    /// <summary>One failure row per PaymentIntent: later failures of the same attempt add nothing new.</summary>
    public static string FailureKey(string paymentIntentId) => paymentIntentId + ":failed";

    public void Apply() => Applied = true;

    public void FlagFor(PaymentFlag flag, string message) => (Flag, FlagMessage) = (flag, message);

    public void ResolveFlag(string resolution, Guid? by, DateTime utcNow) => (FlagResolution, FlagResolvedBy, FlagResolvedAt) = (resolution, by, utcNow);

    public void Reverse(DateTime utcNow)
    {
        ReversedAt = utcNow;
        Applied = false;
    }
}

/// <summary>A Stripe payment as Stripe reports it now (read from its PaymentIntent), in our minor units of its currency.</summary>
/// <param name="Method">Stripe's payment method type, e.g. card or sepa_debit.</param>
internal sealed record StripePaymentFacts(
    string PaymentIntentId, long AmountMinor, string Currency, string Method, string? ChargeId, string? CheckoutSessionId, string? FailureMessage);

/// <summary>A refund as Stripe reports it now.</summary>
/// <param name="Succeeded">Status succeeded; a pending refund is not recorded yet, a failed or canceled one is reversed if it was.</param>
internal sealed record StripeRefundFacts(string RefundId, long AmountMinor, string? ChargeId, string? Reason, bool Succeeded, bool FailedOrCanceled);

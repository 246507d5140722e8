namespace Regentra.Billing.Contracts;

/// <summary>Stable error codes of the Billing module, returned in problem+json "code".</summary>
public static class BillingErrorCodes
{
    public const string AgreementOverlap = "Billing:Agreement.Overlap";
    public const string PeriodAlreadyInvoiced = "Billing:Invoice.PeriodAlreadyInvoiced";
    public const string NoRateForCurrency = "Billing:Invoice.NoRateForCurrency";
    public const string NotDraft = "Billing:Invoice.NotDraft";
    public const string LineNotRemovable = "Billing:Invoice.LineNotRemovable";
    public const string AgreementCurrencyMismatch = "Billing:Agreement.CurrencyMismatch";
    public const string NotVoidable = "Billing:Invoice.NotVoidable";
    public const string NotPayable = "Billing:Invoice.NotPayable";
    public const string NotSendable = "Billing:Invoice.NotSendable";
    public const string NegativeTotal = "Billing:Invoice.NegativeTotal";
    public const string Overpayment = "Billing:Invoice.Overpayment";
    public const string NoBillingEmail = "Billing:Invoice.NoBillingEmail";
    public const string EmptyInvoice = "Billing:Invoice.Empty";
    public const string RunInProgress = "Billing:Run.InProgress";
    public const string RunPeriodNotClosed = "Billing:Run.PeriodNotClosed";
    public const string PaymentNotFlagged = "Billing:Payment.NotFlagged";

    /// <summary>Stripe rejected the secret key (revoked, mistyped or from another account).</summary>
    public const string StripeInvalidKey = "Billing:Stripe.InvalidKey";

    /// <summary>The (restricted) key may not do what was asked, e.g. read the account.</summary>
    public const string StripePermissionDenied = "Billing:Stripe.PermissionDenied";

    /// <summary>Stripe could not be reached or failed on its side (network, timeout, 5xx, rate limit): try again.</summary>
    public const string StripeUnavailable = "Billing:Stripe.Unavailable";

    /// <summary>Stripe refused a request for a reason not covered by a more specific code; the detail carries Stripe's message.</summary>
    public const string StripeRefused = "Billing:Stripe.Refused";

    public const string StripeNotConnected = "Billing:Stripe.NotConnected";
    public const string CheckoutNothingDue = "Billing:Checkout.NothingDue";
    public const string CheckoutBelowMinimum = "Billing:Checkout.BelowMinimum";
    public const string CheckoutCurrencyNotSupported = "Billing:Checkout.CurrencyNotSupported";
    public const string CheckoutPaymentProcessing = "Billing:Checkout.PaymentProcessing";
    public const string WebhookInvalidSignature = "Billing:StripeWebhook.InvalidSignature";
    public const string WebhookNotConfigured = "Billing:StripeWebhook.NotConfigured";
}

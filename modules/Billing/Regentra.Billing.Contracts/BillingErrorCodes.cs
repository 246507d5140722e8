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
}

using System.Globalization;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.Invoices;
using Regentra.Billing.StripeAccounts;
using Regentra.Framework.Money;

namespace Regentra.Billing.Checkout;

/// <summary>Why an invoice cannot be paid online (a stable code and words for the client), or null when it can.</summary>
internal sealed record PaymentRefusal(string Code, string Message);

/// <summary>Whether an invoice can be paid through Stripe Checkout now: one rule for the pay page and for opening a session.</summary>
internal static class PaymentOptions
{
    public static PaymentRefusal? Refusal(Invoice invoice, StripeConnection? connection)
    {
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return new(BillingErrorCodes.NotPayable, invoice.Status == InvoiceStatus.Void
                ? "This invoice has been cancelled (void): nothing is due on it."
                : "This invoice has not been issued yet.");
        }

        if (invoice.Status == InvoiceStatus.Paid || invoice.BalanceMinor <= 0)
        {
            return new(BillingErrorCodes.CheckoutNothingDue, "This invoice is paid: nothing is due on it.");
        }

        if (connection is null)
        {
            return new(BillingErrorCodes.StripeNotConnected, "Online payment is not offered for this invoice; the invoice says how else to pay.");
        }

        if (connection.WebhookStatus is not (StripeWebhookStatus.Registered or StripeWebhookStatus.Manual))
        {
            return new(BillingErrorCodes.StripeNotConnected, "Online payment is not available right now; the invoice says how else to pay.");
        }

        if (!StripeAmounts.IsSupported(invoice.Currency))
        {
            return new(BillingErrorCodes.CheckoutCurrencyNotSupported, $"Online payment is not available in {invoice.Currency}; the invoice says how else to pay.");
        }

        var chargeable = StripeAmounts.ToStripe(invoice.BalanceMinor, invoice.Currency);
        if (chargeable <= 0 || (StripeAmounts.Minimum(invoice.Currency) is { } minimum && chargeable < minimum))
        {
            var least = StripeAmounts.Minimum(invoice.Currency) is { } m ? $" (the least a card payment can be is {Format(StripeAmounts.FromStripe(m, invoice.Currency), invoice.Currency)})" : string.Empty;
            return new(BillingErrorCodes.CheckoutBelowMinimum,
                $"{Format(invoice.BalanceMinor, invoice.Currency)} is below the smallest amount that can be paid online{least}; the invoice says how else to pay.");
        }

        return null;
    }

    private static string Format(long minor, string currency) =>
        $"{MoneyMath.FromMinor(minor, currency).ToString("N" + Currencies.MinorUnits(currency), CultureInfo.InvariantCulture)} {currency}";
}

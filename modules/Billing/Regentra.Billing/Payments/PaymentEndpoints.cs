using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices;
using Regentra.Framework.Validation;

namespace Regentra.Billing.Payments;

/// <summary>Manual payments and the follow-up of flagged ones, under /api/billing/invoices/{id}/payments.</summary>
internal static class PaymentEndpoints
{
    public static readonly string[] PaymentMethods = ["BankTransfer", "Card", "Cash", "Check", "Other"];

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/payments", RecordAsync).RequireAuthorization(BillingPermissions.Payments).Validate<RecordPaymentRequest>()
            .WithSummary("Records a payment received outside Stripe (→ PartiallyPaid or Paid). Overpayment is refused.");
        invoices.MapPost("/{id:guid}/payments/{paymentId:guid}/resolve", ResolveFlagAsync).RequireAuthorization(BillingPermissions.Payments)
            .Validate<ResolvePaymentFlagRequest>()
            .WithSummary("Marks a flagged payment (overpaid, on a void invoice, in another currency) as sorted out, with a note of what was done.");
    }

    private static async Task<Ok<InvoiceDetailDto>> RecordAsync(
        Guid id, RecordPaymentRequest request, ManualPayments payments, InvoiceReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(reader.ToDetail(await payments.RecordAsync(id, request, cancellationToken)));

    private static async Task<Ok<InvoiceDetailDto>> ResolveFlagAsync(
        Guid id, Guid paymentId, ResolvePaymentFlagRequest request, ManualPayments payments, InvoiceReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(reader.ToDetail(await payments.ResolveFlagAsync(id, paymentId, request.Note!.Trim(), cancellationToken)));
}

internal sealed class RecordPaymentValidator : IValidator<RecordPaymentRequest>
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public void Validate(RecordPaymentRequest r, ValidationErrors errors)
    {
        // The upper bound keeps the amount convertible to minor units (a long) in every currency.
        if (r.Amount is not { } amount || amount <= 0 || amount > MaxAmount)
        {
            errors.Add("amount", "Must be more than 0 and at most 1,000,000,000,000.");
        }

        if (r.Date is null)
        {
            errors.Add("date", "This field is required.");
        }

        if (r.Method is null || !PaymentEndpoints.PaymentMethods.Contains(r.Method))
        {
            errors.Add("method", $"Use {string.Join(", ", PaymentEndpoints.PaymentMethods)}.");
        }

        errors.MaxLength("reference", r.Reference, 200);
    }
}

internal sealed class ResolvePaymentFlagValidator : IValidator<ResolvePaymentFlagRequest>
{
    public void Validate(ResolvePaymentFlagRequest r, ValidationErrors errors) => errors.RequireText("note", r.Note, 500);
}

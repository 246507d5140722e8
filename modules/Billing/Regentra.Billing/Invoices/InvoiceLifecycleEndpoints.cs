using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.Billing;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Invoices;

/// <summary>Send, void, record payments and export for accounting.</summary>
internal static class InvoiceLifecycleEndpoints
{
    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/send", SendAsync).RequireAuthorization(BillingPermissions.Invoices.Send)
            .WithSummary("Numbers a draft ({prefix}-{yyyy}-{00001}), sets issue and due dates and emails the PDF with the pay link. On a sent, unpaid invoice: emails it again " +
                "(or, if its last email is still waiting for a retry, tries that one now). The email is recorded with the send and delivered at once; if that fails it is retried automatically (see the invoice's emails).");
        invoices.MapPost("/{id:guid}/void", VoidAsync).RequireAuthorization(BillingPermissions.Invoices.Void).Validate<VoidInvoiceRequest>()
            .WithSummary("Voids an unpaid sent or overdue invoice; its time entries are released, its number is kept, its open Stripe Checkout pages are expired.");
        invoices.MapGet("/export.csv", ExportAsync).RequireAuthorization(BillingPermissions.Invoices.Default)
            .WithSummary("Sent invoices with an issue date in [from, to) as CSV for accounting.");
    }

    /// <param name="Emailed">The email was handed to the mail server during this request.</param>
    /// <param name="EmailError">Why it was not, when it failed (it is retried automatically unless refused for good); null otherwise.</param>
    public sealed record SendResponse(InvoiceDetailDto Invoice, bool Emailed, string? EmailError);

    private static async Task<Ok<SendResponse>> SendAsync(
        Guid id, InvoiceSender sender, InvoiceReader reader, IBillingDbContext db, CancellationToken cancellationToken)
    {
        var sent = await sender.SendAsync(id, cancellationToken);
        var invoice = await InvoiceLoader.LoadAsync(db, id, cancellationToken);
        return TypedResults.Ok(new SendResponse(reader.ToDetail(invoice), sent.EmailStatus == InvoiceEmailStatus.Delivered, sent.EmailError));
    }

    private static async Task<Ok<InvoiceDetailDto>> VoidAsync(
        Guid id, VoidInvoiceRequest request, InvoiceVoider voider, InvoiceReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(reader.ToDetail(await voider.VoidAsync(id, request.Reason!.Trim(), cancellationToken)));

    internal sealed record ExportQuery(DateOnly? From, DateOnly? To);

    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] ExportQuery query, IBillingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        PeriodRules.Check(query.From, query.To, errors);
        errors.ThrowIfAny();
        var (from, to) = (query.From!.Value, query.To!.Value);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Number != null && i.IssueDate >= from && i.IssueDate < to)
            .OrderBy(i => i.NumberYear).ThenBy(i => i.NumberSequence)
            .ToListAsync(cancellationToken);

        // The tax rate is formatted, not printed as read: PostgreSQL returns numeric(7,4) with its scale (8.8750), SQLite does not.
        var csv = new StringBuilder("Number,IssueDate,DueDate,Client,PeriodStart,PeriodEnd,Currency,Subtotal,TaxRatePercent,Tax,Total,Paid,Balance,Status\r\n");
        foreach (var i in invoices)
        {
            string Money(long minor) => MoneyMath.FromMinor(minor, i.Currency).ToString("F" + Currencies.MinorUnits(i.Currency), CultureInfo.InvariantCulture);
            csv.Append(string.Join(',', i.Number, Date(i.IssueDate), Date(i.DueDate), Quote(i.ClientName), Date(i.PeriodStart), Date(i.PeriodEnd.AddDays(-1)),
                i.Currency, Money(i.SubtotalMinor), i.TaxRatePercent.ToString("0.####", CultureInfo.InvariantCulture), Money(i.TaxMinor), Money(i.TotalMinor),
                Money(i.PaidMinor), Money(i.BalanceMinor), i.Status)).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv", $"invoices-{from:yyyy-MM-dd}-to-{to.AddDays(-1):yyyy-MM-dd}.csv");
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    // RFC 4180: quote when needed, double inner quotes; a leading = + - @ is neutralised so spreadsheets do not run it.
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}

internal sealed class VoidInvoiceValidator : IValidator<VoidInvoiceRequest>
{
    public void Validate(VoidInvoiceRequest r, ValidationErrors errors) => errors.RequireText("reason", r.Reason, 1000);
}

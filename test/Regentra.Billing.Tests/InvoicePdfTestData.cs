using System.Globalization;
using PdfSharp;
using Regentra.Billing.Invoices.Pdf;

namespace Regentra.Billing.Tests;

/// <summary>Invoices to render: a plausible March 2026 invoice with as many time lines as asked, plus a fee line.</summary>
internal static class InvoicePdfTestData
{
    public static InvoicePdfRenderer Renderer() => new();

    public static InvoiceDocument Invoice(int timeLines = 2, string currency = "GBP")
    {
        var lines = new List<InvoiceDocumentLine>
        {
            new(null, "Monthly fee: managed service desk \u2014 March 2026", null, 1m, 1000m, 1000m),
        };
        for (var i = 1; i <= timeLines; i++)
        {
            lines.Add(new InvoiceDocumentLine(
                new DateOnly(2026, 3, 1 + (i % 28)),
                string.Create(CultureInfo.InvariantCulture, $"Line {i:000}: reset the VPN appliance and checked the tunnel"),
                string.Create(CultureInfo.InvariantCulture, $"Ada Admin \u00b7 T-{i:000000}"),
                1.5m, 78m, 117m));
        }

        var subtotal = lines.Sum(l => l.Amount);
        var tax = subtotal * 0.2m;
        return new InvoiceDocument(
            OrganizationName: "Northwind IT Services Ltd",
            OrganizationAddress: "1 Market Street\nLeeds LS1 6DT\nUnited Kingdom",
            Number: "INV-2026-0042",
            IssueDate: new DateOnly(2026, 4, 1),
            DueDate: new DateOnly(2026, 5, 1),
            PeriodStart: new DateOnly(2026, 3, 1),
            PeriodEnd: new DateOnly(2026, 4, 1),
            ClientName: "Acme Widgets Ltd",
            ClientAddress: "22 Harbour Road\nBristol BS1 5TT",
            ClientEmail: "accounts@acme.example",
            Currency: currency,
            Lines: lines,
            Subtotal: subtotal,
            TaxRatePercent: 20m,
            Tax: tax,
            Total: subtotal + tax,
            Paid: 0m,
            Balance: subtotal + tax,
            PayUrl: null,
            Notes: []);
    }
}

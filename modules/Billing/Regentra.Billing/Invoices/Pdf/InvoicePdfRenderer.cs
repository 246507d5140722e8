using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>
/// Renders an invoice as an A4 PDF with PDFsharp and the embedded DejaVu Sans, so the output is the same on a server
/// without fonts. Stateless and thread-safe: register it as a singleton.
/// PDFsharp is pinned to the MIT-licensed 6.2 line (later versions are AGPL-3.0; see ADR 0006).
/// </summary>
internal sealed class InvoicePdfRenderer : IInvoicePdfRenderer
{
    public InvoicePdfRenderer() => InvoicePdfFontResolver.EnsureInstalled();

    public byte[] Render(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Invoice {document.Number}";
        pdf.Info.Author = document.OrganizationName;
        pdf.Info.Creator = "Regentra";

        var styles = new InvoicePdfStyles();
        using (var canvas = new InvoicePdfCanvas(pdf))
        {
            new InvoicePdfLayout(document, canvas, styles).Compose();
        }

        Footers(pdf, document, styles);

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>"Page 2 of 3" needs the page count, so footers are drawn over the finished pages.</summary>
    private static void Footers(PdfDocument pdf, InvoiceDocument document, InvoicePdfStyles styles)
    {
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = pdf.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var (left, right) = (InvoicePdfCanvas.Margin, page.Width.Point - InvoicePdfCanvas.Margin);
            var top = page.Height.Point - 40;
            graphics.DrawLine(styles.Rule, left, top - 6, right, top - 6);

            var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}");
            graphics.DrawString(pageText, styles.Footer, styles.Muted, right, top, XStringFormats.TopRight);

            var room = right - left - graphics.MeasureString(pageText, styles.Footer).Width - 24;
            var caption = $"{document.OrganizationName} \u00b7 Invoice {document.Number}";
            var font = styles.Footer;
            var width = graphics.MeasureString(caption, font).Width;
            if (width > room)
            {
                font = InvoicePdfStyles.Font(Math.Floor(font.Size * room / width * 10) / 10, bold: false);
            }

            graphics.DrawString(caption, font, styles.Muted, left, top, XStringFormats.TopLeft);
        }
    }
}

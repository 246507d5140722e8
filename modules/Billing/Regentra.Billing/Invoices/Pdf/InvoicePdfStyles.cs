using PdfSharp.Drawing;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>
/// Fonts, colours and lines of one rendering. Created per document (PDFsharp drawing objects are not meant to be shared
/// across threads). Fonts use automatic encoding: Latin text is written WinAnsi (searchable, compact) and anything else,
/// such as "株式会社", switches to Unicode for that string.
/// </summary>
internal sealed class InvoicePdfStyles
{
    public XFont Title { get; } = Font(16, bold: true);
    public XFont Heading { get; } = Font(20, bold: true);
    public XFont Body { get; } = Font(9, bold: false);
    public XFont BodyBold { get; } = Font(9, bold: true);
    public XFont ClientName { get; } = Font(11, bold: true);
    public XFont Table { get; } = Font(8.5, bold: false);
    public XFont TableBold { get; } = Font(8, bold: true);
    public XFont Detail { get; } = Font(7.5, bold: false);
    public XFont Label { get; } = Font(7.5, bold: true);
    public XFont Total { get; } = Font(10.5, bold: true);
    public XFont Footer { get; } = Font(7.5, bold: false);

    public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(33, 37, 41));
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(108, 117, 125));
    public XBrush Link { get; } = new XSolidBrush(XColor.FromArgb(13, 71, 161));
    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(241, 243, 245));

    public XPen Rule { get; } = new(XColor.FromArgb(222, 226, 230), 0.6);
    public XPen StrongRule { get; } = new(XColor.FromArgb(73, 80, 87), 0.8);

    public static XFont Font(double size, bool bold) =>
        new(InvoicePdfFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, XPdfFontOptions.AutomaticEncoding);

    /// <summary>Distance between baselines of consecutive lines in this font (a little airier than the font's own).</summary>
    public static double LineHeight(XFont font) => Math.Round(font.Size * 1.3, 2);
}

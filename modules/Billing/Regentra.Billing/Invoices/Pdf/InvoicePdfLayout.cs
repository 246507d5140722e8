using PdfSharp.Drawing;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>
/// Lays one invoice out on the canvas, section by section: header, bill-to, lines table (header repeated on every page it
/// spans), totals, notes and the pay link. Page footers are added afterwards, when the page count is known.
/// </summary>
internal sealed class InvoicePdfLayout(InvoiceDocument document, InvoicePdfCanvas canvas, InvoicePdfStyles styles)
{
    private const double RightBlockWidth = 250;
    private const double RightBlockLabelWidth = 72;
    private const double ColumnGap = 20;
    private const double CellPadding = 4;
    private const double RowPadding = 4;
    private const double TableHeaderHeight = 18;
    private const double TotalsWidth = 250;

    // Lines table columns, left to right; the description takes what the others leave.
    private const double DateWidth = 64;
    private const double QuantityWidth = 50;
    private const double UnitPriceWidth = 92;
    private const double AmountWidth = 100;
    private const double LogoMaxWidth = 170;
    private const double LogoMaxHeight = 56;

    public void Compose()
    {
        Header();
        BillTo();
        LinesTable();
        Totals();
        Notes();
        PayLink();
    }

    private void Header()
    {
        var top = canvas.Y;

        var leftWidth = canvas.Width - RightBlockWidth - ColumnGap;
        var y = top;
        if (document.Logo is { } logo)
        {
            y += canvas.Image(logo, InvoicePdfCanvas.Left, y, Math.Min(leftWidth, LogoMaxWidth), LogoMaxHeight) + 8;
        }

        foreach (var line in canvas.Wrap(document.OrganizationName, styles.Title, leftWidth))
        {
            canvas.Text(line, styles.Title, styles.Ink, InvoicePdfCanvas.Left, y);
            y += InvoicePdfStyles.LineHeight(styles.Title);
        }

        y += 3;
        foreach (var line in canvas.Wrap(document.OrganizationAddress, styles.Body, leftWidth))
        {
            canvas.Text(line, styles.Body, styles.Muted, InvoicePdfCanvas.Left, y);
            y += InvoicePdfStyles.LineHeight(styles.Body);
        }

        var ry = top;
        canvas.TextRight("INVOICE", styles.Heading, styles.Ink, canvas.Right, ry);
        ry += InvoicePdfStyles.LineHeight(styles.Heading) + 4;
        var labelLeft = canvas.Right - RightBlockWidth;
        var valueWidth = RightBlockWidth - RightBlockLabelWidth;
        foreach (var (label, value, bold) in new[]
                 {
                     ("Invoice no.", document.Number, true),
                     ("Issue date", InvoicePdfFormat.Date(document.IssueDate), false),
                     ("Due date", InvoicePdfFormat.Date(document.DueDate), false),
                     ("Period", InvoicePdfFormat.Period(document.PeriodStart, document.PeriodEnd), false),
                 })
        {
            var font = bold ? styles.BodyBold : styles.Body;
            canvas.Text(label, styles.Body, styles.Muted, labelLeft, ry);
            foreach (var line in canvas.Wrap(value, font, valueWidth))
            {
                canvas.TextRight(line, font, styles.Ink, canvas.Right, ry);
                ry += InvoicePdfStyles.LineHeight(font);
            }

            ry += 2;
        }

        canvas.Y = Math.Max(y, ry) + 14;
        canvas.HorizontalRule(styles.Rule, InvoicePdfCanvas.Left, canvas.Right, canvas.Y);
        canvas.Y += 16;
    }

    private void BillTo()
    {
        var width = canvas.Width - RightBlockWidth - ColumnGap;
        canvas.Text("BILL TO", styles.Label, styles.Muted, InvoicePdfCanvas.Left, canvas.Y);
        canvas.Y += InvoicePdfStyles.LineHeight(styles.Label) + 2;

        Paragraph(document.ClientName, styles.ClientName, styles.Ink, width);
        Paragraph(document.ClientAddress, styles.Body, styles.Ink, width);
        Paragraph(document.ClientEmail, styles.Body, styles.Muted, width);
        canvas.Y += 20;
    }

    private void LinesTable()
    {
        var descriptionWidth = canvas.Width - DateWidth - QuantityWidth - UnitPriceWidth - AmountWidth;
        var firstRow = document.Lines.Count == 0 ? 0 : RowPadding + InvoicePdfStyles.LineHeight(styles.Table);
        canvas.EnsureSpace(TableHeaderHeight + firstRow);
        TableHeader();
        canvas.PageStarted = TableHeader;
        try
        {
            foreach (var line in document.Lines)
            {
                Row(line, descriptionWidth);
            }
        }
        finally
        {
            canvas.PageStarted = null;
        }
    }

    private void TableHeader()
    {
        canvas.Fill(styles.HeaderFill, InvoicePdfCanvas.Left, canvas.Y, canvas.Width, TableHeaderHeight);
        var top = canvas.Y + (TableHeaderHeight - InvoicePdfStyles.LineHeight(styles.TableBold)) / 2 + 1;
        var x = InvoicePdfCanvas.Left;
        var descriptionWidth = canvas.Width - DateWidth - QuantityWidth - UnitPriceWidth - AmountWidth;
        foreach (var (title, width, right) in new[]
                 {
                     ("Date", DateWidth, false),
                     ("Description", descriptionWidth, false),
                     ("Quantity", QuantityWidth, true),
                     ("Unit price", UnitPriceWidth, true),
                     ("Amount", AmountWidth, true),
                 })
        {
            canvas.TextFitted(title, styles.TableBold, styles.Ink, x + CellPadding, width - 2 * CellPadding, top, right);
            x += width;
        }

        canvas.Y += TableHeaderHeight;
    }

    /// <summary>
    /// One line of the invoice. A row is kept on one page when it fits on a page of its own; only a description too long
    /// for a whole page is split, line by line, with the table header repeated on the next page.
    /// </summary>
    private void Row(InvoiceDocumentLine line, double descriptionWidth)
    {
        var text = new List<(string Text, TextStyle Style)>();
        text.AddRange(canvas.Wrap(line.Description, styles.Table, descriptionWidth - 2 * CellPadding).Select(t => (t, TextStyle.Table)));
        text.AddRange(canvas.Wrap(line.Detail, styles.Detail, descriptionWidth - 2 * CellPadding).Select(t => (t, TextStyle.Detail)));
        if (text.Count == 0)
        {
            text.Add((string.Empty, TextStyle.Table));
        }

        var height = 2 * RowPadding + text.Sum(t => LineHeight(t.Style));
        var freshPage = canvas.Bottom - InvoicePdfCanvas.Top - TableHeaderHeight;
        if (!canvas.Fits(height) && height <= freshPage)
        {
            canvas.NewPage();
        }

        canvas.EnsureSpace(RowPadding + LineHeight(text[0].Style));
        canvas.Y += RowPadding;
        var descriptionLeft = InvoicePdfCanvas.Left + DateWidth + CellPadding;
        for (var i = 0; i < text.Count; i++)
        {
            var (value, style) = text[i];
            var lineHeight = LineHeight(style);
            canvas.EnsureSpace(lineHeight + (i == text.Count - 1 ? RowPadding : 0));
            canvas.Text(value, style == TextStyle.Detail ? styles.Detail : styles.Table,
                style == TextStyle.Detail ? styles.Muted : styles.Ink, descriptionLeft, canvas.Y);
            if (i == 0)
            {
                Figures(line);
            }

            canvas.Y += lineHeight;
        }

        canvas.Y += RowPadding;
        canvas.HorizontalRule(styles.Rule, InvoicePdfCanvas.Left, canvas.Right, canvas.Y);
    }

    /// <summary>Date, quantity, unit price and amount, on the row's first line.</summary>
    private void Figures(InvoiceDocumentLine line)
    {
        var (font, brush, top) = (styles.Table, styles.Ink, canvas.Y);
        if (line.Date is { } date)
        {
            canvas.TextFitted(InvoicePdfFormat.ShortDate(date), font, brush, InvoicePdfCanvas.Left + CellPadding, DateWidth - 2 * CellPadding, top, alignRight: false);
        }

        var right = canvas.Right;
        canvas.TextFitted(InvoicePdfFormat.Money(line.Amount, document.Currency), font, brush,
            right - AmountWidth + CellPadding, AmountWidth - 2 * CellPadding, top, alignRight: true);
        right -= AmountWidth;
        canvas.TextFitted(InvoicePdfFormat.Money(line.UnitPrice, document.Currency), font, brush,
            right - UnitPriceWidth + CellPadding, UnitPriceWidth - 2 * CellPadding, top, alignRight: true);
        right -= UnitPriceWidth;
        canvas.TextFitted(InvoicePdfFormat.Quantity(line), font, brush,
            right - QuantityWidth + CellPadding, QuantityWidth - 2 * CellPadding, top, alignRight: true);
    }

    private void Totals()
    {
        var rows = new List<(string Label, string Value, bool Strong)>
        {
            ("Subtotal", InvoicePdfFormat.Money(document.Subtotal, document.Currency), false),
            ($"Tax ({InvoicePdfFormat.Percent(document.TaxRatePercent)}%)", InvoicePdfFormat.Money(document.Tax, document.Currency), false),
            ("Total", InvoicePdfFormat.Money(document.Total, document.Currency), true),
        };
        if (document.Paid > 0)
        {
            rows.Add(("Paid", InvoicePdfFormat.Money(document.Paid, document.Currency), false));
            rows.Add(("Balance due", InvoicePdfFormat.Money(document.Balance, document.Currency), true));
        }

        const double ruleSpace = 6;
        canvas.Y += 12;
        canvas.EnsureSpace(rows.Sum(r => InvoicePdfStyles.LineHeight(r.Strong ? styles.Total : styles.Body) + 2) + 2 * ruleSpace);

        var left = canvas.Right - TotalsWidth;
        foreach (var (label, value, strong) in rows)
        {
            if (strong)
            {
                canvas.Y += ruleSpace / 2;
                canvas.HorizontalRule(styles.StrongRule, left, canvas.Right, canvas.Y);
                canvas.Y += ruleSpace / 2;
            }

            var font = strong ? styles.Total : styles.Body;
            canvas.Text(label, font, strong ? styles.Ink : styles.Muted, left, canvas.Y);
            canvas.TextFitted(value, font, styles.Ink, left + 90, TotalsWidth - 90, canvas.Y, alignRight: true);
            canvas.Y += InvoicePdfStyles.LineHeight(font) + 2;
        }
    }

    private void Notes()
    {
        if (document.Notes.Count == 0)
        {
            return;
        }

        canvas.Y += 18;
        canvas.EnsureSpace(InvoicePdfStyles.LineHeight(styles.Label) + 2 + InvoicePdfStyles.LineHeight(styles.Body));
        canvas.Text("NOTES", styles.Label, styles.Muted, InvoicePdfCanvas.Left, canvas.Y);
        canvas.Y += InvoicePdfStyles.LineHeight(styles.Label) + 2;
        foreach (var note in document.Notes)
        {
            Paragraph(note, styles.Body, styles.Ink, canvas.Width);
            canvas.Y += 2;
        }
    }

    private void PayLink()
    {
        if (string.IsNullOrWhiteSpace(document.PayUrl))
        {
            return;
        }

        var url = document.PayUrl.Trim();
        canvas.Y += 14;
        var lineHeight = InvoicePdfStyles.LineHeight(styles.BodyBold);
        foreach (var line in canvas.Wrap($"Pay online: {url}", styles.BodyBold, canvas.Width))
        {
            canvas.EnsureSpace(lineHeight);
            canvas.Text(line, styles.BodyBold, styles.Link, InvoicePdfCanvas.Left, canvas.Y);
            canvas.WebLink(InvoicePdfCanvas.Left, canvas.Y, canvas.Measure(line, styles.BodyBold), lineHeight, url);
            canvas.Y += lineHeight;
        }
    }

    /// <summary>Wrapped text at the left margin, moving to a new page between lines when needed.</summary>
    private void Paragraph(string? text, XFont font, XBrush brush, double width)
    {
        var lineHeight = InvoicePdfStyles.LineHeight(font);
        foreach (var line in canvas.Wrap(text, font, width))
        {
            canvas.EnsureSpace(lineHeight);
            canvas.Text(line, font, brush, InvoicePdfCanvas.Left, canvas.Y);
            canvas.Y += lineHeight;
        }
    }

    private double LineHeight(TextStyle style) =>
        InvoicePdfStyles.LineHeight(style == TextStyle.Detail ? styles.Detail : styles.Table);

    /// <summary>Which of the two description fonts a table text line uses.</summary>
    private enum TextStyle
    {
        Table,
        Detail,
    }
}

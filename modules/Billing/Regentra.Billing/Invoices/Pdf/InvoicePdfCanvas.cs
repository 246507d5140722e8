using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>
/// A top-to-bottom writer over A4 pages: it keeps the current page and vertical position, starts a new page when content
/// would run into the bottom margin (calling <see cref="PageStarted"/>, e.g. to repeat a table header), wraps text to a
/// width and draws it. Units are points, origin top left.
/// </summary>
internal sealed class InvoicePdfCanvas : IDisposable
{
    public const double Margin = 42;
    private const double TopMargin = 42;
    private const double BottomMargin = 60; // leaves room for the footer drawn afterwards

    private readonly PdfDocument pdf;
    private XGraphics? graphics;
    private PdfPage? page;

    public InvoicePdfCanvas(PdfDocument pdf)
    {
        this.pdf = pdf;
        NewPage();
    }

    /// <summary>Called right after a page is started, with <see cref="Y"/> at the top margin.</summary>
    public Action? PageStarted { get; set; }

    public double Y { get; set; }

    public XGraphics Graphics => graphics ?? throw new ObjectDisposedException(nameof(InvoicePdfCanvas));

    public PdfPage Page => page ?? throw new InvalidOperationException("No page yet.");

    public double PageWidth => Page.Width.Point;

    public double PageHeight => Page.Height.Point;

    public static double Left => Margin;

    public double Right => PageWidth - Margin;

    public double Width => Right - Left;

    public static double Top => TopMargin;

    public double Bottom => PageHeight - BottomMargin;

    public void NewPage()
    {
        graphics?.Dispose();
        page = pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        PageStarted?.Invoke();
    }

    public bool Fits(double height) => Y + height <= Bottom;

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit above the bottom margin.</summary>
    public void EnsureSpace(double height)
    {
        if (!Fits(height))
        {
            NewPage();
        }
    }

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

    /// <summary>Draws one line with its top at <paramref name="top"/>.</summary>
    public void Text(string text, XFont font, XBrush brush, double x, double top)
    {
        if (text.Length > 0)
        {
            Graphics.DrawString(text, font, brush, x, top, XStringFormats.TopLeft);
        }
    }

    /// <summary>Draws one line ending at <paramref name="right"/>.</summary>
    public void TextRight(string text, XFont font, XBrush brush, double right, double top)
    {
        if (text.Length > 0)
        {
            Graphics.DrawString(text, font, brush, right, top, XStringFormats.TopRight);
        }
    }

    /// <summary>
    /// Draws one line inside a column, shrinking the font just enough when it would not fit (a huge amount must stay
    /// legible rather than overlap its neighbour).
    /// </summary>
    public void TextFitted(string text, XFont font, XBrush brush, double left, double width, double top, bool alignRight)
    {
        var measured = Measure(text, font);
        if (measured > width && measured > 0)
        {
            font = InvoicePdfStyles.Font(Math.Floor(font.Size * width / measured * 10) / 10, font.Bold);
        }

        if (alignRight)
        {
            TextRight(text, font, brush, left + width, top);
        }
        else
        {
            Text(text, font, brush, left, top);
        }
    }

    /// <summary>Draws an image scaled to fit the box (never enlarged), top-left aligned; returns the height used.</summary>
    public double Image(byte[] content, double left, double top, double maxWidth, double maxHeight)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(1, Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight));
        Graphics.DrawImage(image, left, top, image.PointWidth * scale, image.PointHeight * scale);
        return image.PointHeight * scale;
    }

    public void HorizontalRule(XPen pen, double left, double right, double y) => Graphics.DrawLine(pen, left, y, right, y);

    public void Fill(XBrush brush, double left, double top, double width, double height) =>
        Graphics.DrawRectangle(brush, left, top, width, height);

    /// <summary>A clickable area (in page coordinates, origin top left) opening <paramref name="url"/>.</summary>
    public void WebLink(double left, double top, double width, double height, string url)
    {
        // Annotations live in PDF default space: origin bottom left, y up.
        var rect = new PdfRectangle(new XPoint(left, PageHeight - top - height), new XPoint(left + width, PageHeight - top));
        Page.AddWebLink(rect, url);
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces where possible, inside a word when the
    /// word alone is too wide (long URLs, references). Line breaks in the text are kept; an empty text gives no line.
    /// </summary>
    public List<string> Wrap(string? text, XFont font, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return lines;
        }

        foreach (var paragraph in text.ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Measure(line, font) > width)
                {
                    var cut = FittingPrefix(line, font, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }

    /// <summary>The length of the longest prefix that fits (at least one whole text element, never half a surrogate pair).</summary>
    private int FittingPrefix(string word, XFont font, double width)
    {
        var boundaries = StringInfo.ParseCombiningCharacters(word); // start index of each text element
        var (low, high) = (1, boundaries.Length - 1); // number of elements kept; fewer than all, since the whole is too wide
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Measure(word[..boundaries[mid]], font) <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return boundaries.Length > 1 ? boundaries[Math.Max(low, 1)] : word.Length;
    }
}

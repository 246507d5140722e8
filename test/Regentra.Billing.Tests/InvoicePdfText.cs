using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Regentra.Billing.Tests;

/// <summary>
/// Reads a rendered PDF back: the strings each page's content stream shows, decoded as WinAnsi (PDFsharp writes Latin
/// text that way with automatic encoding; Unicode strings are glyph ids and come out as noise, which is fine for searching).
/// </summary>
internal static class InvoicePdfText
{
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    public static PdfDocument Open(byte[] pdf)
    {
        return PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
    }

    /// <summary>One entry per page: the page's shown strings, one per line.</summary>
    public static List<string> Pages(byte[] pdf)
    {
        using var document = Open(pdf);
        return [.. Enumerable.Range(0, document.PageCount).Select(n => document.Pages[n]).Select(page => string.Join('\n', Strings(page.Contents.CreateSingleContent().Stream.UnfilteredValue)))];
    }

    /// <summary>How many images the first page draws (its XObject resources of subtype Image).</summary>
    public static int ImagesOnFirstPage(byte[] pdf)
    {
        using var document = Open(pdf);
        var objects = document.Pages[0].Resources.Elements.GetDictionary("/XObject");
        return objects?.Elements.Values.Select(v => (v as PdfSharp.Pdf.Advanced.PdfReference)?.Value as PdfDictionary ?? v as PdfDictionary)
            .Count(d => d?.Elements.GetName("/Subtype") == "/Image") ?? 0;
    }

    /// <summary>All pages' strings, one per line.</summary>
    public static string All(byte[] pdf) => string.Join('\n', Pages(pdf));

    /// <summary>The literal and hexadecimal strings of a decompressed content stream, in order.</summary>
    public static IEnumerable<string> Strings(byte[] content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            switch ((char)content[i])
            {
                case '%':
                    while (i < content.Length && content[i] is not (byte)'\n' and not (byte)'\r')
                    {
                        i++;
                    }

                    break;
                case '(':
                    yield return WinAnsi.GetString(Literal(content, ref i));
                    break;
                case '<' when i + 1 < content.Length && content[i + 1] != '<':
                    yield return WinAnsi.GetString(Hex(content, ref i));
                    break;
                case '<':
                    i++; // "<<" opens a dictionary
                    break;
            }
        }
    }

    /// <summary>Reads "( ... )" starting at the opening parenthesis; leaves <paramref name="i"/> on the closing one.</summary>
    private static byte[] Literal(byte[] content, ref int i)
    {
        var bytes = new List<byte>();
        var depth = 1;
        for (i++; i < content.Length; i++)
        {
            var b = content[i];
            if (b == '\\' && i + 1 < content.Length)
            {
                var next = content[++i];
                switch ((char)next)
                {
                    case 'n': bytes.Add((byte)'\n'); break;
                    case 'r': bytes.Add((byte)'\r'); break;
                    case 't': bytes.Add((byte)'\t'); break;
                    case 'b': bytes.Add((byte)'\b'); break;
                    case 'f': bytes.Add((byte)'\f'); break;
                    case '\r' or '\n': break; // line continuation
                    case >= '0' and <= '7':
                        var value = 0;
                        for (var digits = 0; digits < 3 && i < content.Length && content[i] is >= (byte)'0' and <= (byte)'7'; digits++, i++)
                        {
                            value = (value * 8) + (content[i] - '0');
                        }

                        i--;
                        bytes.Add((byte)value);
                        break;
                    default: bytes.Add(next); break;
                }

                continue;
            }

            if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && --depth == 0)
            {
                break;
            }

            bytes.Add(b);
        }

        return [.. bytes];
    }

    /// <summary>Reads "&lt; ... &gt;" starting at the opening bracket; leaves <paramref name="i"/> on the closing one.</summary>
    private static byte[] Hex(byte[] content, ref int i)
    {
        var digits = new StringBuilder();
        for (i++; i < content.Length && content[i] != '>'; i++)
        {
            if (Uri.IsHexDigit((char)content[i]))
            {
                digits.Append((char)content[i]);
            }
        }

        if (digits.Length % 2 == 1)
        {
            digits.Append('0');
        }

        return Convert.FromHexString(digits.ToString());
    }
}

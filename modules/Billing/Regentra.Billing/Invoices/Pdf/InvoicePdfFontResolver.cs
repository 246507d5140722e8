using PdfSharp.Fonts;

namespace Regentra.Billing.Invoices.Pdf;

/// <summary>
/// Serves the embedded DejaVu Sans for every family PDFsharp asks for: a production Linux container has no fonts, and
/// PDFsharp's Core build resolves none by itself. Bold requests get the bold face; italic falls back to the regular face
/// (no simulation, so the text stays upright rather than failing).
/// </summary>
internal sealed class InvoicePdfFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<InvoicePdfFontResolver> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace), LazyThreadSafetyMode.ExecutionAndPublication);

    private InvoicePdfFontResolver()
    {
    }

    /// <summary>
    /// Makes sure <see cref="GlobalFontSettings.FontResolver"/> is this resolver. PDFsharp accepts the setting once per
    /// process, so it happens once (thread-safe); finding this resolver already installed is fine, finding another one is
    /// a configuration error reported at start-up rather than as missing glyphs later.
    /// </summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static InvoicePdfFontResolver Install()
    {
        switch (GlobalFontSettings.FontResolver)
        {
            case InvoicePdfFontResolver existing:
                return existing;
            case null:
                var resolver = new InvoicePdfFontResolver();
                GlobalFontSettings.FontResolver = resolver;
                return resolver;
            case var other:
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {other.GetType().FullName}; invoices need {typeof(InvoicePdfFontResolver).FullName} " +
                    "(GlobalFontSettings.FontResolver can be set only once per process).");
        }
    }

    private static byte[] Load(string face)
    {
        var name = $"Regentra.Billing.Fonts.{face}.ttf";
        using var stream = typeof(InvoicePdfFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font '{name}' is missing from {typeof(InvoicePdfFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

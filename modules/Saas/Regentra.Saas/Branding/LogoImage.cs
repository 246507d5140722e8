using System.Buffers.Binary;

namespace Regentra.Saas.Branding;

/// <summary>
/// What a logo upload may be: a PNG or JPEG (told by its first bytes, not by what the browser claims) of at most
/// <see cref="MaxBytes"/> and <see cref="MaxPixels"/> on a side. Other formats are refused (SVG can carry scripts;
/// PDFs embed only these two).
/// </summary>
internal static class LogoImage
{
    public const int MaxBytes = 512 * 1024;
    public const int MaxPixels = 4000;

    /// <summary>The image's content type, or why it is refused.</summary>
    public static (string? ContentType, string? Error) Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, "Send the image file as the request body.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"The logo may be at most {MaxBytes / 1024} KB; this one is {(bytes.Length + 1023) / 1024} KB.");
        }

        string? type = null;
        var (width, height) = (0, 0);
        if (IsPng(bytes))
        {
            (type, (width, height)) = ("image/png", PngSize(bytes));
        }
        else if (IsJpeg(bytes))
        {
            (type, (width, height)) = ("image/jpeg", JpegSize(bytes));
        }

        if (type is null)
        {
            return (null, "Use a PNG or JPEG image.");
        }

        if (width <= 0 || height <= 0)
        {
            return (null, "The image could not be read; save it again as PNG or JPEG.");
        }

        return width > MaxPixels || height > MaxPixels
            ? (null, $"The logo may be at most {MaxPixels} pixels on a side; this one is {width}×{height}.")
            : (type, null);
    }

    private static bool IsPng(ReadOnlySpan<byte> b) => b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsJpeg(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    // The IHDR chunk follows the signature: width and height as big-endian integers.
    private static (int Width, int Height) PngSize(ReadOnlySpan<byte> b) =>
        b.Slice(12, 4).SequenceEqual("IHDR"u8) ? ((int)BinaryPrimitives.ReadUInt32BigEndian(b[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(b[20..])) : (0, 0);

    // Walks the marker segments to the first start-of-frame, which holds height then width.
    private static (int Width, int Height) JpegSize(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return (0, 0);
            }

            var marker = b[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            }

            i += 2 + length;
        }

        return (0, 0);
    }
}

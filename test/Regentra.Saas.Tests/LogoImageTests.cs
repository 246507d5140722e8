using Regentra.Saas.Branding;

namespace Regentra.Saas.Tests;

/// <summary>What a logo upload may be, told from its bytes.</summary>
public sealed class LogoImageTests
{
    public static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A PNG header claiming the given size (enough for the checks, which read only the header).</summary>
    public static byte[] PngOfSize(int width, int height)
    {
        var png = (byte[])OnePixelPng.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), (uint)width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)height);
        return png;
    }

    /// <summary>The start of a JPEG: SOI, an APP0 segment, then a baseline start-of-frame of the given size.</summary>
    public static byte[] JpegOfSize(int width, int height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ];

    [Fact]
    public void A_PNG_and_a_JPEG_are_taken_by_their_bytes()
    {
        LogoImage.Check(OnePixelPng).ShouldBe(("image/png", null));
        LogoImage.Check(JpegOfSize(640, 200)).ShouldBe(("image/jpeg", null));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("gif")]
    [InlineData("svg")]
    [InlineData("too-big")]
    [InlineData("too-wide-png")]
    [InlineData("too-tall-jpeg")]
    [InlineData("truncated-jpeg")]
    public void Other_files_are_refused_with_a_reason(string kind)
    {
        byte[] bytes = kind switch
        {
            "empty" => [],
            "gif" => "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "too-big" => [.. OnePixelPng, .. new byte[LogoImage.MaxBytes]],
            "too-wide-png" => PngOfSize(5000, 100),
            "too-tall-jpeg" => JpegOfSize(100, 4001),
            _ => [0xFF, 0xD8, 0xFF, 0xE0, 0x00],
        };

        var (type, error) = LogoImage.Check(bytes);

        type.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Qa;

public sealed class PngEncoderTests
{
    [Fact]
    public void The_crc_matches_the_published_check_value()
    {
        // CRC-32 of "123456789" is 0xCBF43926 (the standard check value).
        Assert.Equal(0xCBF43926u, PngEncoder.Crc32(0xFFFFFFFFu, "123456789"u8) ^ 0xFFFFFFFFu);
    }

    [Fact]
    public void A_png_carries_its_size_and_the_pixels_come_back_from_its_zlib_stream()
    {
        var rgba = new byte[3 * 2 * 4];
        rgba[4 * 4 + 0] = 255;
        rgba[4 * 4 + 3] = 200;

        var png = PngEncoder.Encode(3, 2, rgba);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(2 * (1 + 3 * 4), rows.Length);
        Assert.Equal(0, rows[13]);
        Assert.Equal(rgba[12..24], rows[14..26]);
        var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(41 + idatLength));
        Assert.Equal(PngEncoder.Crc32(0xFFFFFFFFu, png.AsSpan(37, 4 + idatLength)) ^ 0xFFFFFFFFu, crc);
        Assert.EndsWith("IEND", Encoding.ASCII.GetString(png, png.Length - 8, 4), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_pixel_count_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[15]));
    }
}

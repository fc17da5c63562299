using System.IO.Compression;

namespace WeakSegPortal.Web.Slices;

/// <summary>
/// The gzip form of a raw slice, made once when the slice is first cut. Huffman coding only (no LZ77 match search):
/// on 16-bit CT slices it takes about as long as <see cref="CompressionLevel.Fastest"/> and is a quarter smaller, because
/// zlib's level 1 codes with fixed tables (README, "Measured figures", slices). Any gzip reader decodes it.
/// </summary>
public static class SliceGzip
{
    private static readonly ZLibCompressionOptions HuffmanOnly = new() { CompressionLevel = 1, CompressionStrategy = ZLibCompressionStrategy.HuffmanOnly };

    public static byte[] Compress(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var output = new MemoryStream(body.Length / 2);
        using (var gzip = new GZipStream(output, HuffmanOnly, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return output.ToArray();
    }
}

namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// Tells PNG, JPEG and TIFF apart by their first bytes, so a file that is no image at all is refused
/// as "not a PNG image" before a decoder reads too few bytes and calls it truncated.
/// </summary>
internal static class RasterSignature
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"PNG", "JPEG" or "TIFF" by content, or null when the file starts like none of them.</summary>
    public static string? Detect(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Detect(head[..read]);
    }

    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(Png) ? "PNG"
        : head.StartsWith([(byte)0xFF, (byte)0xD8, (byte)0xFF]) ? "JPEG"
        : head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "TIFF"
        : null;

    /// <summary>The format a file's extension claims, for the refusal message.</summary>
    public static string ClaimedBy(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "PNG",
        ".jpg" or ".jpeg" => "JPEG",
        _ => "TIFF",
    };
}

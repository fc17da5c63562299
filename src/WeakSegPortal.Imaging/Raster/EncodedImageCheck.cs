using SkiaSharp;

namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// Decodes a whole PNG or JPEG in memory to prove it is one: magic bytes alone let through files
/// that only start like an image (a script or page behind a PNG signature, a truncated or corrupt file).
/// </summary>
public static class EncodedImageCheck
{
    /// <summary>Larger images are refused before their pixels are allocated (a small file can claim huge dimensions).</summary>
    public const long MaxPixels = 16L * 1024 * 1024;

    /// <summary>The content type when <paramref name="data"/> decodes fully as PNG or JPEG; otherwise why not.</summary>
    public static (string? ContentType, string? Problem) Check(byte[] data, int length)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var bytes = SKData.CreateCopy(data.AsSpan(0, length));
        using var codec = SKCodec.Create(bytes);
        if (codec is null)
        {
            return (null, "The file is not a PNG or JPEG image.");
        }
        var contentType = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            _ => null,
        };
        if (contentType is null)
        {
            return (null, $"Only PNG and JPEG images can be used, not {codec.EncodedFormat}.");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            return (null, $"The image is {width}×{height} pixels; at most {MaxPixels / (1024 * 1024)} megapixels can be used.");
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize];
        return codec.GetPixels(info, pixels) switch
        {
            SKCodecResult.Success => (contentType, null),
            SKCodecResult.IncompleteInput => (null, "The image is truncated: it does not decode to the end."),
            var result => (null, $"The image does not decode ({result})."),
        };
    }
}

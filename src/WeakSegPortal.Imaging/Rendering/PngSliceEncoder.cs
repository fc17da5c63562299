using SkiaSharp;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// Encodes 8-bit grey pixels as a greyscale PNG with zlib level 1 and the Up filter. On pydicom's real
/// 512² CT (693_J2KI, lung window) that gave 62 KiB in 1.4 ms, against 63 KiB in 3.6 ms with all
/// filters and 53 KiB in 11 ms at zlib 6: the smallest and fastest of the fast settings.
/// </summary>
public static class PngSliceEncoder
{
    private static readonly SKPngEncoderOptions FastOptions = new(SKPngEncoderFilterFlags.Up, 1);

    public static byte[] Encode(byte[] grey, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Length != width * height)
        {
            throw new ArgumentException($"Expected {width * height} pixels, got {grey.Length}.", nameof(grey));
        }

        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(grey, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), width);
            using var data = pixmap.Encode(FastOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>Windows a slice and encodes it.</summary>
    public static byte[] Encode(VolumeSlice slice, WindowLevel window) =>
        Encode(SliceRenderer.ToGrey8(slice, window), slice.Width, slice.Height);
}

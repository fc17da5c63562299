using SkiaSharp;

namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// Decodes PNG and JPEG with SkiaSharp: 8-bit grey stays exact, 16-bit PNG keeps 16 bits, colour
/// becomes BT.601 luminance (rounded for 8-bit sources so values stay integers).
/// </summary>
internal static class SkiaRasterDecoder
{
    public static RasterImage Decode(string path)
    {
        var name = Path.GetFileName(path);
        using var codec = SKCodec.Create(path, out var result)
            ?? throw new ImageReadException(
                result == SKCodecResult.IncompleteInput ? ImageReadFailure.Truncated : ImageReadFailure.NotAnImage,
                result == SKCodecResult.IncompleteInput ? $"{name} is truncated." : $"{name} is not a PNG or JPEG image ({result}).");

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        var format = codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? "JPEG" : codec.EncodedFormat.ToString().ToUpperInvariant();
        var values = new float[width * height];
        var sourceType = codec.Info.ColorType;
        var sixteenBit = codec.EncodedFormat == SKEncodedImageFormat.Png && PngBitDepth(path) == 16;
        if (sourceType == SKColorType.Gray8 && sixteenBit)
        {
            return Png16GreyDecoder.Decode(File.ReadAllBytes(path), name);
        }

        if (sourceType == SKColorType.Gray8)
        {
            var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
            var pixels = new byte[info.BytesSize];
            Check(codec.GetPixels(info, pixels), name);
            for (var n = 0; n < values.Length; n++)
            {
                values[n] = pixels[n];
            }

            return new RasterImage(width, height, values, format, 1, true);
        }

        var wide = sixteenBit || sourceType is SKColorType.Rgba16161616 or SKColorType.Alpha16 or SKColorType.R16Unorm or SKColorType.Rg1616;
        var target = new SKImageInfo(width, height, wide ? SKColorType.Rgba16161616 : SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var buffer = new byte[target.BytesSize];
        Check(codec.GetPixels(target, buffer), name);
        var grey = IsGrey(buffer, wide);
        for (var n = 0; n < values.Length; n++)
        {
            float r = wide ? BitConverter.ToUInt16(buffer, n * 8) : buffer[n * 4];
            float g = wide ? BitConverter.ToUInt16(buffer, (n * 8) + 2) : buffer[(n * 4) + 1];
            float b = wide ? BitConverter.ToUInt16(buffer, (n * 8) + 4) : buffer[(n * 4) + 2];
            values[n] = grey ? r : MathF.Round((0.299f * r) + (0.587f * g) + (0.114f * b));
        }

        return new RasterImage(width, height, values, format, grey ? 1 : 3, true);
    }

    /// <summary>The bit depth in a PNG's IHDR chunk (byte 24 of the file).</summary>
    private static int PngBitDepth(string path)
    {
        Span<byte> head = stackalloc byte[25];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length ? head[24] : 8;
    }

    private static bool IsGrey(byte[] buffer, bool wide)
    {
        var stride = wide ? 8 : 4;
        var channel = wide ? 2 : 1;
        for (var at = 0; at < buffer.Length; at += stride)
        {
            if (!buffer.AsSpan(at, channel).SequenceEqual(buffer.AsSpan(at + channel, channel)) ||
                !buffer.AsSpan(at, channel).SequenceEqual(buffer.AsSpan(at + (2 * channel), channel)))
            {
                return false;
            }
        }

        return true;
    }

    private static void Check(SKCodecResult result, string name)
    {
        if (result == SKCodecResult.IncompleteInput)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{name} is truncated.");
        }

        if (result != SKCodecResult.Success)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} could not be decoded ({result}).");
        }
    }
}

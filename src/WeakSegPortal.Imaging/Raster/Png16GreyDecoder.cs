using System.Buffers.Binary;
using System.IO.Compression;

namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// Decodes 16-bit greyscale PNG (colour type 0, not interlaced) with all 16 bits: SkiaSharp can only
/// hand back 8 bits or half floats for it, and such PNGs are common in medical ML datasets.
/// </summary>
internal static class Png16GreyDecoder
{
    /// <summary>The most pixels read from one PNG (16384²): a damaged header cannot make the decoder allocate gigabytes.</summary>
    private const long MaxPixels = 16384L * 16384;

    public static RasterImage Decode(byte[] file, string name)
    {
        var position = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        while (position + 8 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(file, position + 4, 4);
            if (length < 0 || position + 12L + length > file.Length)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name} is truncated.");
            }

            var data = file.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 16 || data[9] != 0 || data[12] != 0)
                {
                    throw new ImageReadException(ImageReadFailure.UnsupportedFormat, $"{name}: only non-interlaced 16-bit greyscale PNG takes this path.");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            position += 12 + length;
        }

        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} declares {width}×{height} pixels; at most {MaxPixels:N0} in all, none empty, are read.");
        }

        var stride = width * 2;
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        try
        {
            using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
            if (inflater.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name} is truncated.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name}: the compressed image data is damaged ({e.Message}).", e);
        }

        var values = new float[width * height];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            Unfilter(filter, current, previous, bytesPerPixel: 2, name);
            for (var x = 0; x < width; x++)
            {
                values[(y * width) + x] = BinaryPrimitives.ReadUInt16BigEndian(current.AsSpan(2 * x));
            }

            (previous, current) = (current, previous);
        }

        return new RasterImage(width, height, values, "PNG", 1, true);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] above, int bytesPerPixel, string name)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
            int up = above[i];
            int upLeft = i >= bytesPerPixel ? above[i - bytesPerPixel] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + left),
                2 => (byte)(line[i] + up),
                3 => (byte)(line[i] + ((left + up) / 2)),
                4 => (byte)(line[i] + Paeth(left, up, upLeft)),
                _ => throw new ImageReadException(ImageReadFailure.Corrupt, $"{name}: unknown PNG filter {filter}."),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

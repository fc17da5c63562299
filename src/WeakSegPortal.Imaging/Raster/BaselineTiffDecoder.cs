namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// A small baseline-TIFF reader (SkiaSharp has no TIFF codec): first page only, uncompressed,
/// greyscale (BlackIsZero or WhiteIsZero, inverted), 8 or 16 bits unsigned or signed, or 32-bit float,
/// in strips, either byte order. Compressed, tiled, colour and BigTIFF files are refused with a clear message.
/// </summary>
internal static class BaselineTiffDecoder
{
    private const int TagWidth = 256;
    private const int TagHeight = 257;
    private const int TagBitsPerSample = 258;
    private const int TagCompression = 259;
    private const int TagPhotometric = 262;
    private const int TagStripOffsets = 273;
    private const int TagSamplesPerPixel = 277;
    private const int TagStripByteCounts = 279;
    private const int TagTileWidth = 322;
    private const int TagSampleFormat = 339;

    public static RasterImage Decode(byte[] file, string name)
    {
        if (file.Length < 8)
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} is not a TIFF file.");
        }

        var littleEndian = file[0] == 'I' && file[1] == 'I';
        if (!littleEndian && !(file[0] == 'M' && file[1] == 'M'))
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} is not a TIFF file.");
        }

        var r = new EndianReader(littleEndian);
        var magic = r.Int16(file, 2);
        if (magic == 43)
        {
            throw Unsupported(name, "BigTIFF");
        }

        if (magic != 42)
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} is not a TIFF file.");
        }

        var tags = ReadDirectory(file, r, (uint)r.Int32(file, 4), name);
        long Single(int tag, long fallback) => tags.TryGetValue(tag, out var v) && v.Length > 0 ? v[0] : fallback;

        var width = (int)Single(TagWidth, 0);
        var height = (int)Single(TagHeight, 0);
        var bits = (int)Single(TagBitsPerSample, 1);
        var compression = Single(TagCompression, 1);
        var photometric = Single(TagPhotometric, 1);
        var samples = Single(TagSamplesPerPixel, 1);
        var sampleFormat = Single(TagSampleFormat, 1);
        if (compression != 1)
        {
            throw Unsupported(name, $"compression {compression}");
        }

        if (tags.ContainsKey(TagTileWidth))
        {
            throw Unsupported(name, "tiled layout");
        }

        if (samples != 1 || photometric > 1)
        {
            throw Unsupported(name, "colour (only greyscale is read)");
        }

        if (!(bits is 8 or 16 && sampleFormat is 1 or 2) && !(bits == 32 && sampleFormat == 3))
        {
            throw Unsupported(name, $"{bits}-bit samples of format {sampleFormat}");
        }

        if (width <= 0 || height <= 0 || !tags.TryGetValue(TagStripOffsets, out var offsets) || !tags.TryGetValue(TagStripByteCounts, out var counts))
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name}: the TIFF directory lacks size or strip information.");
        }

        var bytesPerSample = bits / 8;
        var pixels = new byte[checked(width * height * bytesPerSample)];
        var written = 0;
        for (var s = 0; s < offsets.Length && written < pixels.Length; s++)
        {
            var length = (int)Math.Min(counts[s], pixels.Length - written);
            if (offsets[s] + length > file.Length)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name} ends inside its pixel data; the file looks truncated.");
            }

            Array.Copy(file, offsets[s], pixels, written, length);
            written += length;
        }

        if (written < pixels.Length)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{name} holds fewer pixels than its size says.");
        }

        var values = new float[width * height];
        var max = sampleFormat == 2 ? (1 << (bits - 1)) - 1 : (1 << Math.Min(bits, 30)) - 1;
        for (var n = 0; n < values.Length; n++)
        {
            float v = bits switch
            {
                8 => sampleFormat == 2 ? (sbyte)pixels[n] : pixels[n],
                16 => sampleFormat == 2 ? r.Int16(pixels, 2 * n) : (ushort)r.Int16(pixels, 2 * n),
                _ => BitConverter.Int32BitsToSingle(r.Int32(pixels, 4 * n)),
            };

            // WhiteIsZero: invert so larger still means brighter, as for DICOM MONOCHROME1.
            values[n] = photometric == 0 && bits != 32 ? max - v : v;
        }

        return new RasterImage(width, height, values, "TIFF", 1, bits != 32);
    }

    private static Dictionary<int, long[]> ReadDirectory(byte[] file, EndianReader r, uint offset, string name)
    {
        if (offset + 2 > file.Length)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{name}: the TIFF directory lies beyond the end of the file.");
        }

        var count = (ushort)r.Int16(file, (int)offset);
        var tags = new Dictionary<int, long[]>();
        for (var e = 0; e < count; e++)
        {
            var at = (int)offset + 2 + (12 * e);
            if (at + 12 > file.Length)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name}: the TIFF directory is cut short.");
            }

            var tag = (ushort)r.Int16(file, at);
            var type = (ushort)r.Int16(file, at + 2);
            var n = r.Int32(file, at + 4);
            var size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 => 4, _ => 0 };
            if (size == 0 || n <= 0 || n > 1 << 20)
            {
                continue;
            }

            var valueAt = size * n <= 4 ? at + 8 : r.Int32(file, at + 8);
            if (valueAt < 0 || valueAt + (size * n) > file.Length)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name}: a TIFF tag points beyond the end of the file.");
            }

            var values = new long[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = size switch
                {
                    1 => file[valueAt + i],
                    2 => (ushort)r.Int16(file, valueAt + (2 * i)),
                    _ => (uint)r.Int32(file, valueAt + (4 * i)),
                };
            }

            tags[tag] = values;
        }

        return tags;
    }

    private static ImageReadException Unsupported(string name, string what) =>
        new(ImageReadFailure.UnsupportedFormat, $"{name}: TIFF with {what} is not supported (baseline uncompressed greyscale only; convert it to PNG or NIfTI).");
}

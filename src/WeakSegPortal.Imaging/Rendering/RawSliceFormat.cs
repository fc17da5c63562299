using System.Buffers.Binary;
using System.Runtime.InteropServices;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// The 16-bit slice wire format for the browser. All numbers little-endian; a 40-byte header, then
/// width·height samples, row-major, x fastest, top row first:
/// <code>
///  0  4  magic "WSSL"                  16  8  slope     (float64)
///  4  1  version (1)                   24  8  intercept (float64)
///  5  1  sample type (1 Int16, 2 UInt16) 32 4  spacing x mm (float32)
///  6  2  header length (40, uint16)    36  4  spacing y mm (float32)
///  8  4  width (uint32)                40  …  samples (2 bytes each)
/// 12  4  height (uint32)
/// </code>
/// Real value = sample · slope + intercept. Int16 slices (CT in HU) are exact with slope 1, intercept 0;
/// float slices are quantised to UInt16 over their own min..max.
/// </summary>
public static class RawSliceFormat
{
    public const int HeaderLength = 40;
    public const byte Version = 1;
    public static ReadOnlySpan<byte> Magic => "WSSL"u8;

    /// <summary>
    /// One slice of a volume, encoded. An Int16 volume's samples are cut straight into the body (no float
    /// slice between): on a little-endian machine the body is the samples' own bytes.
    /// </summary>
    public static byte[] Encode(Volume volume, SliceOrientation orientation, int index)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.VoxelType != VoxelType.Int16 || !BitConverter.IsLittleEndian)
        {
            return Encode(SliceExtractor.Extract(volume, orientation, index));
        }

        var (width, height, spacingX, spacingY) = SliceExtractor.Plane(volume, orientation);
        var output = new byte[HeaderLength + (2 * width * height)];
        SliceExtractor.CutInt16(volume, orientation, index, MemoryMarshal.Cast<byte, short>(output.AsSpan(HeaderLength)));
        WriteHeader(output, width, height, spacingX, spacingY, RawSampleType.Int16, 1, 0);
        return output;
    }

    public static byte[] Encode(VolumeSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var values = slice.Values;
        var count = values.Length;
        var output = new byte[HeaderLength + (2 * count)];
        var samples = output.AsSpan(HeaderLength);
        RawSampleType type;
        double slope = 1, intercept = 0;
        if (slice.IsInteger || AllExactInt16(values))
        {
            type = RawSampleType.Int16;
            for (var n = 0; n < count; n++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(samples[(2 * n)..], (short)values[n]);
            }
        }
        else
        {
            type = RawSampleType.UInt16;
            var (min, max) = Range(values);
            intercept = min;
            slope = max > min ? (max - min) / ushort.MaxValue : 1;
            for (var n = 0; n < count; n++)
            {
                var q = Math.Round((values[n] - intercept) / slope);
                BinaryPrimitives.WriteUInt16LittleEndian(samples[(2 * n)..], (ushort)Math.Clamp(q, 0, ushort.MaxValue));
            }
        }

        WriteHeader(output, slice.Width, slice.Height, slice.SpacingX, slice.SpacingY, type, slope, intercept);
        return output;
    }

    public static RawSlice Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength || !data[..4].SequenceEqual(Magic) || data[4] != Version)
        {
            throw new FormatException("Not a version-1 WSSL raw slice.");
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        var width = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var height = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        var type = (RawSampleType)data[5];
        if (data.Length < headerLength + (2L * width * height))
        {
            throw new FormatException("The raw slice is shorter than its header says.");
        }

        var samples = new int[width * height];
        var body = data[headerLength..];
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = type == RawSampleType.Int16
                ? BinaryPrimitives.ReadInt16LittleEndian(body[(2 * n)..])
                : BinaryPrimitives.ReadUInt16LittleEndian(body[(2 * n)..]);
        }

        return new RawSlice(
            width,
            height,
            type,
            BinaryPrimitives.ReadDoubleLittleEndian(data[16..]),
            BinaryPrimitives.ReadDoubleLittleEndian(data[24..]),
            BinaryPrimitives.ReadSingleLittleEndian(data[32..]),
            BinaryPrimitives.ReadSingleLittleEndian(data[36..]),
            samples);
    }

    private static void WriteHeader(Span<byte> output, int width, int height, double spacingX, double spacingY, RawSampleType type, double slope, double intercept)
    {
        Magic.CopyTo(output);
        output[4] = Version;
        output[5] = (byte)type;
        BinaryPrimitives.WriteUInt16LittleEndian(output[6..], HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(output[8..], (uint)width);
        BinaryPrimitives.WriteUInt32LittleEndian(output[12..], (uint)height);
        BinaryPrimitives.WriteDoubleLittleEndian(output[16..], slope);
        BinaryPrimitives.WriteDoubleLittleEndian(output[24..], intercept);
        BinaryPrimitives.WriteSingleLittleEndian(output[32..], (float)spacingX);
        BinaryPrimitives.WriteSingleLittleEndian(output[36..], (float)spacingY);
    }

    private static bool AllExactInt16(float[] values)
    {
        foreach (var v in values)
        {
            if (v != MathF.Round(v) || v < short.MinValue || v > short.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    private static (double Min, double Max) Range(float[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!float.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return double.IsPositiveInfinity(min) ? (0, 0) : (min, max);
    }
}

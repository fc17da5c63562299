using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Turns one decoded frame into one float per pixel: the stored grey value, or luminance
/// (BT.601: 0.299 R + 0.587 G + 0.114 B) for RGB, or Y for YBR data a codec left as YBR.
/// MONOCHROME1 is inverted within the stored range so that brighter always means larger.
/// </summary>
internal static class DicomFrameDecoder
{
    public static void ToGrey(DicomPixels pixels, int frame, Span<float> destination)
    {
        var count = pixels.Columns * pixels.Rows;
        var spp = pixels.SamplesPerPixel;
        var bytesPerSample = BytesPerSample(pixels.Format);
        var frameBytes = count * spp * bytesPerSample;
        var data = pixels.Buffer.AsSpan(frame * frameBytes, frameBytes);

        if (spp == 1)
        {
            ReadSamples(data, pixels.Format, destination[..count]);
            if (pixels.Photometric == "MONOCHROME1")
            {
                var sum = (float)(pixels.StoredMin + pixels.StoredMax);
                for (var n = 0; n < count; n++)
                {
                    destination[n] = sum - destination[n];
                }
            }

            return;
        }

        if (pixels.Photometric.StartsWith("PALETTE", StringComparison.Ordinal))
        {
            throw new ImageReadException(ImageReadFailure.UnsupportedFormat, "Palette-colour DICOM images are not supported.");
        }

        var all = new float[count * spp];
        ReadSamples(data, pixels.Format, all);
        var isYbr = pixels.Photometric.StartsWith("YBR", StringComparison.Ordinal);
        for (var n = 0; n < count; n++)
        {
            float Sample(int s) => pixels.Planar ? all[(s * count) + n] : all[(n * spp) + s];
            destination[n] = isYbr ? Sample(0) : (0.299f * Sample(0)) + (0.587f * Sample(1)) + (0.114f * Sample(2));
        }
    }

    public static int BytesPerSample(DicomSampleFormat format) => format switch
    {
        DicomSampleFormat.UInt8 or DicomSampleFormat.Int8 => 1,
        DicomSampleFormat.UInt16 or DicomSampleFormat.Int16 => 2,
        DicomSampleFormat.UInt32 or DicomSampleFormat.Int32 or DicomSampleFormat.Float32 => 4,
        _ => 8,
    };

    public static bool IsInteger(DicomSampleFormat format) =>
        format is not (DicomSampleFormat.Float32 or DicomSampleFormat.Float64);

    private static void ReadSamples(ReadOnlySpan<byte> data, DicomSampleFormat format, Span<float> destination)
    {
        // GDCM hands back samples in host byte order; every platform we run on is little-endian.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        }

        switch (format)
        {
            case DicomSampleFormat.UInt8:
                for (var n = 0; n < destination.Length; n++)
                {
                    destination[n] = data[n];
                }

                break;
            case DicomSampleFormat.Int8:
                for (var n = 0; n < destination.Length; n++)
                {
                    destination[n] = (sbyte)data[n];
                }

                break;
            case DicomSampleFormat.UInt16:
                Widen(MemoryMarshal.Cast<byte, ushort>(data), destination);
                break;
            case DicomSampleFormat.Int16:
                Widen(MemoryMarshal.Cast<byte, short>(data), destination);
                break;
            case DicomSampleFormat.UInt32:
                for (var n = 0; n < destination.Length; n++)
                {
                    destination[n] = BinaryPrimitives.ReadUInt32LittleEndian(data[(n * 4)..]);
                }

                break;
            case DicomSampleFormat.Int32:
                for (var n = 0; n < destination.Length; n++)
                {
                    destination[n] = BinaryPrimitives.ReadInt32LittleEndian(data[(n * 4)..]);
                }

                break;
            case DicomSampleFormat.Float32:
                MemoryMarshal.Cast<byte, float>(data)[..destination.Length].CopyTo(destination);
                break;
            default:
                var doubles = MemoryMarshal.Cast<byte, double>(data);
                for (var n = 0; n < destination.Length; n++)
                {
                    destination[n] = (float)doubles[n];
                }

                break;
        }
    }

    private static void Widen(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        for (var n = 0; n < destination.Length; n++)
        {
            destination[n] = source[n];
        }
    }

    private static void Widen(ReadOnlySpan<short> source, Span<float> destination)
    {
        for (var n = 0; n < destination.Length; n++)
        {
            destination[n] = source[n];
        }
    }
}

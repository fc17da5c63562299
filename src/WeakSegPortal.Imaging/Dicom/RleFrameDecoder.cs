using System.Buffers.Binary;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// DICOM RLE Lossless (PS3.5 Annex G) for one frame: a 64-byte header of segment offsets, one
/// PackBits segment per byte plane (sample by sample, most significant byte first). Used where
/// GDCM 3.0 scrambles multi-byte colour RLE; output is interleaved little-endian samples.
/// </summary>
internal static class RleFrameDecoder
{
    public static void Decode(ReadOnlySpan<byte> fragment, int pixels, int samplesPerPixel, int bytesPerSample, Span<byte> output)
    {
        var segments = samplesPerPixel * bytesPerSample;
        if (fragment.Length < 64 || BinaryPrimitives.ReadUInt32LittleEndian(fragment) != segments)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"The RLE frame does not hold the {segments} segments its pixel description needs.");
        }

        var plane = new byte[pixels];
        for (var segment = 0; segment < segments; segment++)
        {
            var start = (int)BinaryPrimitives.ReadUInt32LittleEndian(fragment[(4 + (4 * segment))..]);
            var end = segment + 1 < segments ? (int)BinaryPrimitives.ReadUInt32LittleEndian(fragment[(8 + (4 * segment))..]) : fragment.Length;
            if (start < 64 || end > fragment.Length || end < start)
            {
                throw new ImageReadException(ImageReadFailure.Corrupt, "An RLE segment offset points outside its frame.");
            }

            UnpackBits(fragment[start..end], plane);
            var sample = segment / bytesPerSample;
            var byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
            for (var p = 0; p < pixels; p++)
            {
                output[(((p * samplesPerPixel) + sample) * bytesPerSample) + byteInSample] = plane[p];
            }
        }
    }

    private static void UnpackBits(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var at = 0;
        var written = 0;
        while (at < source.Length && written < destination.Length)
        {
            var n = (sbyte)source[at++];
            if (n >= 0)
            {
                var count = Math.Min(n + 1, Math.Min(destination.Length - written, source.Length - at));
                source.Slice(at, count).CopyTo(destination[written..]);
                at += n + 1;
                written += count;
            }
            else if (n != -128 && at < source.Length)
            {
                var count = Math.Min(1 - n, destination.Length - written);
                destination.Slice(written, count).Fill(source[at++]);
                written += count;
            }
        }

        if (written < destination.Length)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, "An RLE segment ends before its pixels do.");
        }
    }
}

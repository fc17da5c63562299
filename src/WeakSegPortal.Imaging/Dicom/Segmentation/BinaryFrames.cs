namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// Packs binary frames as a BINARY segmentation's Pixel Data: one bit per pixel, the first pixel in the lowest bit of the
/// first byte, frames following each other without padding (a frame need not start on a byte: PS3.5 §8.1.1).
/// </summary>
public static class BinaryFrames
{
    /// <summary>Packs the slices (k, in the order given) of a mask over an nx × ny × nz grid into one bit stream.</summary>
    public static byte[] Pack(byte[] mask, int nx, int ny, IReadOnlyList<int> slices)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(slices);
        var frame = nx * ny;
        var packed = new byte[((long)frame * slices.Count + 7) / 8];
        long bit = 0;
        foreach (var k in slices)
        {
            var start = k * frame;
            for (var v = 0; v < frame; v++, bit++)
            {
                if (mask[start + v] != 0)
                {
                    packed[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
            }
        }
        return packed;
    }

    /// <summary>The slices of an nx × ny × nz mask that hold at least one voxel, in order.</summary>
    public static IReadOnlyList<int> OccupiedSlices(byte[] mask, int nx, int ny, int nz)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var frame = nx * ny;
        return [.. Enumerable.Range(0, nz).Where(k => mask.AsSpan(k * frame, frame).IndexOfAnyExcept((byte)0) >= 0)];
    }
}

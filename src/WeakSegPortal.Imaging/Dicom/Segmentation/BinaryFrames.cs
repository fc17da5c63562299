namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// Packs binary frames as a BINARY segmentation's Pixel Data: one bit per pixel, the first pixel in the lowest bit of the
/// first byte, frames following each other without padding (a frame need not start on a byte: PS3.5 §8.1.1). Frames are cut
/// from a segment map over an nx × ny × nz grid (one byte per voxel, the segment number; 0 for none).
/// </summary>
public static class BinaryFrames
{
    /// <summary>Packs the given frames, each (segment number, slice k): a pixel is set where the map holds that segment.</summary>
    public static byte[] Pack(byte[] map, int nx, int ny, IReadOnlyList<(int Segment, int Slice)> frames)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(frames);
        var frame = nx * ny;
        var packed = new byte[((long)frame * frames.Count + 7) / 8];
        long bit = 0;
        foreach (var (segment, k) in frames)
        {
            var start = (long)k * frame;
            for (var v = 0; v < frame; v++, bit++)
            {
                if (map[start + v] == segment)
                {
                    packed[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
            }
        }
        return packed;
    }

    /// <summary>The slices of the map that hold at least one voxel of the segment, in order.</summary>
    public static IReadOnlyList<int> SlicesOf(byte[] map, int segment, int nx, int ny, int nz)
    {
        ArgumentNullException.ThrowIfNull(map);
        var frame = nx * ny;
        return [.. Enumerable.Range(0, nz).Where(k => map.AsSpan(k * frame, frame).IndexOf((byte)segment) >= 0)];
    }
}

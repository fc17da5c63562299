using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>A volume's values, sorted, from at most about a million voxels evenly strided: what histogram windows are read from.</summary>
internal static class VoxelSample
{
    private const int MaxSamples = 1 << 20;

    public static float[] Sorted(Volume volume)
    {
        var count = volume.Geometry.VoxelCount;
        var stride = Math.Max(1, count / MaxSamples);
        var samples = new List<float>((int)Math.Min(count, MaxSamples + 1));
        for (long n = 0; n < count; n += stride)
        {
            var v = volume[n];
            if (float.IsFinite(v))
            {
                samples.Add(v);
            }
        }
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The p-th percentile (0–100) of sorted values, interpolated linearly between ranks (numpy's default).</summary>
    public static double Percentile(ReadOnlySpan<float> sorted, double p)
    {
        var rank = (sorted.Length - 1) * Math.Clamp(p, 0, 100) / 100;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}

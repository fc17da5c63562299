using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// A window spanning the 1st to 99th percentile of a volume's values: the default for MR and any
/// modality without calibrated units. Samples at most about a million voxels, evenly strided.
/// </summary>
public static class PercentileWindow
{
    private const int MaxSamples = 1 << 20;

    public static WindowLevel Compute(Volume volume, double lowPercentile = 1, double highPercentile = 99)
    {
        var count = volume.Geometry.VoxelCount;
        var stride = Math.Max(1, count / MaxSamples);
        var samples = new List<float>((int)Math.Min(count, MaxSamples + 1));
        for (long n = 0; n < count; n += stride)
        {
            var v = volume[n];
            if (!float.IsNaN(v))
            {
                samples.Add(v);
            }
        }

        if (samples.Count == 0)
        {
            return new WindowLevel(0, 1);
        }

        samples.Sort();
        var low = samples[(int)Math.Round((samples.Count - 1) * lowPercentile / 100)];
        var high = samples[(int)Math.Round((samples.Count - 1) * highPercentile / 100)];
        var width = Math.Max(high - low, 1e-3);
        return new WindowLevel(low + (width / 2), width);
    }

    /// <summary>The preset for CT, the percentile window otherwise.</summary>
    public static WindowLevel Default(Volume volume) =>
        volume.Metadata.Modality == "CT" ? WindowPresets.Mediastinum : Compute(volume);
}

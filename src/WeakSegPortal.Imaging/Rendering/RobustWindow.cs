using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// A window read from the volume's own histogram with the background left out, for MR and any
/// modality without calibrated units. Voxels at or below p2 + 10 % of (p98 − p2) are background
/// (the robust threshold of FSL's BET); the window spans the 0.5th to 99.5th percentile of the rest.
/// A window over every voxel would spend its grey levels on air and on a few bright outliers.
/// </summary>
public static class RobustWindow
{
    /// <summary>Where the background ends, as a fraction of the 2nd–98th percentile range above the 2nd percentile.</summary>
    public const double BackgroundFraction = 0.1;

    public const double LowPercentile = 0.5;
    public const double HighPercentile = 99.5;

    public static WindowLevel Compute(Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var sorted = VoxelSample.Sorted(volume);
        if (sorted.Length == 0)
        {
            return new WindowLevel(0, 1);
        }
        var foreground = Foreground(sorted);
        var low = VoxelSample.Percentile(foreground, LowPercentile);
        var high = VoxelSample.Percentile(foreground, HighPercentile);
        var width = Math.Max(high - low, 1e-3);
        return new WindowLevel(low + (width / 2), width);
    }

    /// <summary>The background threshold of a volume: voxels at or below it are left out of the window.</summary>
    public static double BackgroundThreshold(Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var sorted = VoxelSample.Sorted(volume);
        return sorted.Length == 0 ? 0 : Threshold(sorted);
    }

    private static double Threshold(ReadOnlySpan<float> sorted)
    {
        var p2 = VoxelSample.Percentile(sorted, 2);
        var p98 = VoxelSample.Percentile(sorted, 98);
        return p2 + (BackgroundFraction * (p98 - p2));
    }

    private static ReadOnlySpan<float> Foreground(float[] sorted)
    {
        var threshold = Threshold(sorted);
        var first = Array.FindIndex(sorted, v => v > threshold);
        // A flat or almost empty image has no foreground to speak of: then every voxel counts.
        return first < 0 || sorted.Length - first < 2 ? sorted : sorted.AsSpan(first);
    }
}

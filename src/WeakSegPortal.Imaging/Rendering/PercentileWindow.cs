using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// A window spanning two percentiles of every voxel's value, background included (1st to 99th by
/// default). Samples at most about a million voxels, evenly strided. The default window of an
/// item comes from <see cref="ModalityWindows"/>; for MR that is <see cref="RobustWindow"/>.
/// </summary>
public static class PercentileWindow
{
    public static WindowLevel Compute(Volume volume, double lowPercentile = 1, double highPercentile = 99)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var samples = VoxelSample.Sorted(volume);
        if (samples.Length == 0)
        {
            return new WindowLevel(0, 1);
        }

        var low = samples[(int)Math.Round((samples.Length - 1) * lowPercentile / 100)];
        var high = samples[(int)Math.Round((samples.Length - 1) * highPercentile / 100)];
        var width = Math.Max(high - low, 1e-3);
        return new WindowLevel(low + (width / 2), width);
    }

    /// <summary>The item's default window for its modality (<see cref="ModalityWindows"/>).</summary>
    public static WindowLevel Default(Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return ModalityWindows.Default(volume.Metadata.Modality, volume);
    }
}

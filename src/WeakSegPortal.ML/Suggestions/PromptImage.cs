using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.ML.Suggestions;

/// <summary>
/// One slice of an item as the engines see it: raw values (HU for CT), row-major with x fastest, the pixel
/// spacing (mm), the modality that picks the intensity window, and where the slice came from (the cache key).
/// </summary>
public sealed record PromptImage(
    string ItemId, SliceOrientation Orientation, int SliceIndex, int Width, int Height, float[] Values,
    double SpacingX, double SpacingY, string Modality)
{
    /// <summary>An explicit display window; when absent the modality's default applies (CT 40/400, others 1–99th percentile).</summary>
    public WindowLevel? Window { get; init; }

    public static PromptImage FromVolume(string itemId, Volume volume, SliceOrientation orientation, int sliceIndex)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var slice = SliceExtractor.Extract(volume, orientation, sliceIndex);
        return new PromptImage(itemId, orientation, sliceIndex, slice.Width, slice.Height, slice.Values,
            slice.SpacingX, slice.SpacingY, volume.Metadata.Modality);
    }
}

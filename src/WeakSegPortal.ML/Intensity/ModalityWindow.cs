using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Intensity;

/// <summary>
/// The intensity window every engine applies before it looks at a slice: the prompt's own window if given,
/// CT's soft-tissue window (40/400 HU), otherwise the slice's 1st–99th percentile (robust to MR's bias and outliers).
/// </summary>
public static class ModalityWindow
{
    public static WindowLevel For(PromptImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Window is { } window)
        {
            return window;
        }

        if (string.Equals(image.Modality, "CT", StringComparison.OrdinalIgnoreCase))
        {
            return WindowPresets.Mediastinum;
        }

        var geometry = new VolumeGeometry(image.Width, image.Height, 1, new Vec3(image.SpacingX, image.SpacingY, 1), new Vec3(0, 0, 0), Direction3.Identity);
        return PercentileWindow.Compute(Volume.FromFloat32(geometry, new VolumeMetadata { Modality = image.Modality }, image.Values));
    }

    /// <summary>The slice as 8-bit grey through its window (0 at and below the window, 255 above).</summary>
    public static byte[] ToGrey8(PromptImage image)
    {
        var window = For(image);
        var grey = new byte[image.Values.Length];
        for (var n = 0; n < grey.Length; n++)
        {
            grey[n] = window.Apply(image.Values[n]);
        }

        return grey;
    }
}

using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// The one place that decides which windows an item is offered, by modality, the default first.
/// CT has calibrated units (HU), so fixed presets; MR and most others do not, so their windows
/// come from the volume's own histogram (<see cref="RobustWindow"/>); photographs are already
/// display values and open at their full range.
/// </summary>
public static class ModalityWindows
{
    /// <summary>Modalities whose values are display values (8-bit photographs): the project's names and DICOM's codes.</summary>
    private static readonly HashSet<string> Photographic = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dermoscopy", "Endoscopy", "Microscopy", "XC", "ES", "SM", "GM",
    };

    public static IReadOnlyList<NamedWindow> For(string? modality, Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (string.Equals(modality, "CT", StringComparison.OrdinalIgnoreCase))
        {
            return
            [
                new("Soft tissue", WindowPresets.Mediastinum),
                new("Lung", WindowPresets.Lung),
                new("Bone", WindowPresets.Bone),
                new("Brain", WindowPresets.Brain),
            ];
        }
        var robust = new NamedWindow("Auto (robust)", RobustWindow.Compute(volume));
        var full = new NamedWindow("Full range", FullRange(volume));
        if (modality is not null && Photographic.Contains(modality))
        {
            return [full, robust];
        }
        if (string.Equals(modality, "MR", StringComparison.OrdinalIgnoreCase))
        {
            return [robust, new("Wide (T1/T2)", PercentileWindow.Compute(volume, 0.1, 99.9)), full];
        }
        return [robust, full];
    }

    /// <summary>The default window of an item: the first of <see cref="For"/>.</summary>
    public static WindowLevel Default(string? modality, Volume volume) => For(modality, volume)[0].Window;

    private static WindowLevel FullRange(Volume volume)
    {
        var (min, max) = volume.ValueRange();
        return new WindowLevel((min + max) / 2.0, Math.Max(1, max - min));
    }
}

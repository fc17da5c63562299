using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// Slice indices as the workspace shows them (its "k = 14" and the label list's "k 14"): "slice k=4", "slices k=4 and 7",
/// "slices k=3–6", "slices k=2, 5 and 9"; a coronal or sagittal plane's slices by j or i.
/// </summary>
internal static class SliceList
{
    public static string Describe(IReadOnlyList<int> slices) => Describe(slices, SlicePlane.Axial);

    /// <summary>Slices of a plane: axial "slices k=4 and 7", coronal "coronal slices j=4 and 7", sagittal "sagittal slices i=4 and 7".</summary>
    public static string Describe(IReadOnlyList<int> slices, SlicePlane plane)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var (name, axis) = plane switch
        {
            SlicePlane.Coronal => ("coronal slice", "j"),
            SlicePlane.Sagittal => ("sagittal slice", "i"),
            _ => ("slice", "k"),
        };
        return slices.Count switch
        {
            0 => $"no {name}",
            1 => $"{name} {axis}={slices[0]}",
            _ when IsRun(slices) && slices.Count > 2 => $"{name}s {axis}={slices[0]}–{slices[^1]}",
            _ => $"{name}s {axis}={string.Join(", ", slices.Take(slices.Count - 1))} and {slices[^1]}",
        };
    }

    private static bool IsRun(IReadOnlyList<int> slices)
    {
        for (var i = 1; i < slices.Count; i++)
        {
            if (slices[i] != slices[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }
}


namespace WeakSegPortal.Core.Labels;

/// <summary>
/// Keeps agreement on a volume cheap: only the slices somebody labelled are rasterised. The labels are
/// moved onto a compact grid whose slice k is the k-th labelled slice of the volume; item-wide tags stay
/// item-wide. Agreement on a slice nobody labelled is "no evidence", so nothing is lost by leaving it out.
/// A coronal or sagittal box labels every axial slice it crosses; its k range moves with them (<see cref="BoxVoxels.MoveSlices"/>).
/// A coronal or sagittal full mask labels the axial slices its strokes lie on; its plane slice keeps the rows of the kept
/// slices (<see cref="MaskAnswers.MoveSlices"/>), so on a kept slice it reads as on the volume.
/// </summary>
public sealed record LabelledSlices(Grid Grid, int[] VolumeSlices, IReadOnlyList<WeakLabels> Labels)
{
    public static LabelledSlices Of(Grid volume, IReadOnlyList<WeakLabels> annotators)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(annotators);
        var slices = new SortedSet<int>();
        foreach (var labels in annotators)
        {
            slices.UnionWith(labels.Boxes.SelectMany(BoxVoxels.AxialSlices));
            slices.UnionWith(labels.Scribbles.Select(s => s.Slice));
            slices.UnionWith(labels.Points.Select(p => p.Slice));
            slices.UnionWith(labels.Tags.Where(t => t.Slice is not null).Select(t => t.Slice!.Value));
            slices.UnionWith(labels.Masks.SelectMany(m => MaskAnswers.AxialSlices(m, volume)));
        }
        slices.RemoveWhere(k => k < 0 || k >= volume.Nz);
        if (slices.Count == 0)
        {
            slices.Add(0);
        }
        var volumeSlices = slices.ToArray();
        var compact = volumeSlices.Select((k, index) => (k, index)).ToDictionary(p => p.k, p => p.index);
        var grid = new Grid(volume.Nx, volume.Ny, volumeSlices.Length, volume.SpacingX, volume.SpacingY, volume.SpacingZ);
        return new LabelledSlices(grid, volumeSlices, [.. annotators.Select(a => Remap(a, volume, compact))]);
    }

    /// <summary>
    /// One slice of the volume as a planar image: the labels on it plus item-wide tags. A coronal (sagittal) full mask gives
    /// its row (column) on the slice when its paint is left on that row; a plane slice painted only on other rows drops out.
    /// </summary>
    public static WeakLabels OnSlice(WeakLabels labels, int slice, Grid volume)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Remap(labels, volume, new Dictionary<int, int> { [slice] = 0 });
    }

    private static WeakLabels Remap(WeakLabels labels, Grid volume, Dictionary<int, int> compact) => new()
    {
        Boxes = [.. labels.Boxes.Select(b => BoxVoxels.MoveSlices(b, compact)).OfType<Box2D>()],
        Scribbles = [.. labels.Scribbles.Where(s => compact.ContainsKey(s.Slice)).Select(s => s with { Slice = compact[s.Slice] })],
        Points = [.. labels.Points.Where(p => compact.ContainsKey(p.Slice)).Select(p => p with { Slice = compact[p.Slice] })],
        Tags = [.. labels.Tags.Where(t => t.Slice is null || compact.ContainsKey(t.Slice.Value))
            .Select(t => t.Slice is { } k ? t with { Slice = compact[k] } : t)],
        Masks = MaskAnswers.MoveSlices(labels.Masks, volume, compact),
    };
}

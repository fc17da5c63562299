using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>One annotator's region of one class across the item's slices.</summary>
/// <param name="Mask">The region: what they painted of the class (polygons, masks, brush, after erasing), or, with no
/// paint of it, the inside of their boxes of it; empty with neither.</param>
/// <param name="Source">Where the region came from.</param>
public sealed record ClassRegion(bool[] Mask, RegionSource Source)
{
    /// <summary>The region of <paramref name="classId"/> in <paramref name="labels"/>.</summary>
    public static ClassRegion Of(WeakLabels labels, int classId, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(grid);
        if (WeakLabelRasterizer.Painted(labels.Masks, classId, grid) is { } painted && Array.IndexOf(painted, true) >= 0)
        {
            return new ClassRegion(painted, RegionSource.Paint);
        }
        var boxes = new bool[grid.Count];
        var any = false;
        foreach (var box in labels.Boxes.Where(b => b.ClassId == classId))
        {
            BoxRasterizer.Fill(box, grid, boxes);
            any = true;
        }
        foreach (var box in labels.Boxes3D.Where(b => b.ClassId == classId))
        {
            BoxRasterizer.Fill(box, grid, boxes);
            any = true;
        }
        return new ClassRegion(boxes, any ? RegionSource.Boxes : RegionSource.None);
    }
}

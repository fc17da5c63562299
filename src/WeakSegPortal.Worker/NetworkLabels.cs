using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker;

/// <summary>
/// Weak labels moved from a slice's pixels to the network's (<see cref="NetworkInput"/>): boxes, scribbles (their width
/// scaled too) and clicks; full masks (polygons, accepted masks, brush strokes and erasures) painted per class and slice
/// on the item's grid, then resampled, as one accepted mask each; tags as they are.
/// </summary>
public static class NetworkLabels
{
    public static WeakLabels From(WeakLabels labels, Grid grid, NetworkInput pixels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(pixels);
        return new WeakLabels
        {
            Boxes = [.. labels.Boxes.Select(b => Box(b, pixels))],
            Scribbles = [.. labels.Scribbles.Select(s => s with
            {
                Points = [.. s.Points.Select(p => new PlanePoint(pixels.ToNetworkX(p.X), pixels.ToNetworkY(p.Y)))],
                Width = Math.Max(1, s.Width * pixels.Scale),
            })],
            Points = [.. labels.Points.Select(p => p with { X = pixels.ToNetworkX(p.X), Y = pixels.ToNetworkY(p.Y) })],
            Tags = labels.Tags,
            Masks = Masks(labels.Masks, grid, pixels),
        };
    }

    /// <summary>
    /// A box on the network's pixels. Box edges lie on pixel edges (−0.5 … n − 0.5), which map like any coordinate. A coronal
    /// box's i range maps like x and its row j to the nearest network row, its k range stays; a sagittal box's j range maps
    /// like y and its column i to the nearest network column.
    /// </summary>
    private static Box2D Box(Box2D b, NetworkInput pixels) => b.Plane switch
    {
        SlicePlane.Coronal => b with { X0 = pixels.ToNetworkX(b.MinX), X1 = pixels.ToNetworkX(b.MaxX), Slice = (int)Math.Round(pixels.ToNetworkY(b.Slice)) },
        SlicePlane.Sagittal => b with { X0 = pixels.ToNetworkY(b.MinX), X1 = pixels.ToNetworkY(b.MaxX), Slice = (int)Math.Round(pixels.ToNetworkX(b.Slice)) },
        _ => b with { X0 = pixels.ToNetworkX(b.MinX), X1 = pixels.ToNetworkX(b.MaxX), Y0 = pixels.ToNetworkY(b.MinY), Y1 = pixels.ToNetworkY(b.MaxY) },
    };

    private static List<IMaskShape> Masks(IReadOnlyList<IMaskShape> masks, Grid grid, NetworkInput pixels)
    {
        var result = new List<IMaskShape>();
        foreach (var classId in masks.Select(m => m.ClassId).Distinct())
        {
            if (WeakLabelRasterizer.Painted(masks, classId, grid) is not { } painted)
            {
                continue;
            }

            foreach (var slice in masks.Where(m => m.ClassId == classId).Select(m => m.Slice).Where(k => k >= 0 && k < grid.Nz).Distinct())
            {
                var resampled = pixels.Resample(painted, slice * grid.SliceSize);
                result.Add(new SliceMask(pixels.Side, pixels.Side, MaskRle.Encode(resampled), slice, classId));
            }
        }

        return result;
    }
}

using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker;

/// <summary>
/// Weak labels moved from a slice's pixels to the network's (<see cref="NetworkInput"/>): boxes, scribbles (their width
/// scaled too) and clicks; full masks (polygons, accepted masks, brush strokes and erasures, on any plane) painted per class
/// and plane slice on the item's grid, then resampled, as one accepted mask each on the same plane; tags as they are.
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

    /// <summary>
    /// Each plane slice's answer (<see cref="MaskAnswers"/>, in the order of their latest edits, erasures applied) as one
    /// accepted mask per class with paint left. An axial one is resampled to side × side; a coronal one keeps its rows k and
    /// has its i axis resampled to side, on the network row nearest its j; a sagittal one likewise with j and the nearest column.
    /// </summary>
    private static List<IMaskShape> Masks(IReadOnlyList<IMaskShape> masks, Grid grid, NetworkInput pixels)
    {
        var result = new List<IMaskShape>();
        foreach (var answer in MaskAnswers.Of(masks, grid))
        {
            foreach (var (classId, paint) in answer.Paint)
            {
                result.Add(answer.Plane switch
                {
                    SlicePlane.Coronal => new SliceMask(pixels.Side, grid.Nz, MaskRle.Encode(AlongRows(paint, grid.Nx, grid.Nz, pixels.Side)),
                        Nearest(pixels.ToNetworkY(answer.Slice), pixels.Side), classId, SlicePlane.Coronal),
                    SlicePlane.Sagittal => new SliceMask(pixels.Side, grid.Nz, MaskRle.Encode(AlongRows(paint, grid.Ny, grid.Nz, pixels.Side)),
                        Nearest(pixels.ToNetworkX(answer.Slice), pixels.Side), classId, SlicePlane.Sagittal),
                    _ => new SliceMask(pixels.Side, pixels.Side, MaskRle.Encode(pixels.Resample(paint)), answer.Slice, classId),
                });
            }
        }

        return result;
    }

    /// <summary>A width × rows plane slice with each row resampled to <paramref name="side"/> pixels (nearest neighbour, centres aligned).</summary>
    private static bool[] AlongRows(bool[] paint, int width, int rows, int side)
    {
        var result = new bool[side * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var x = 0; x < side; x++)
            {
                var sx = Math.Min(width - 1, (int)((x + 0.5) * width / side));
                result[(r * side) + x] = paint[(r * width) + sx];
            }
        }

        return result;
    }

    private static int Nearest(double networkCoordinate, int side) => Math.Clamp((int)Math.Round(networkCoordinate), 0, side - 1);
}

using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Checks positive clicks of one class against a consensus mask (ideally leave-one-out).</summary>
/// <remarks>
/// Signed distances follow <see cref="SignedDistanceMap"/> (negative inside, positive outside, between
/// voxel centres) but are measured only at the clicks: the nearest consensus voxel to an outside click
/// always has an outside face neighbour (a step towards the click would otherwise be closer), and the
/// nearest outside voxel to an inside click always borders the mask, so scanning those two boundaries
/// is exact and far cheaper than two full distance transforms.
/// </remarks>
public static class PointValidityCalculator
{
    public static PointValidity Evaluate(IReadOnlyList<LabelPoint> points, int classId, bool[] consensus, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(grid);
        var indices = new List<int>();
        foreach (var point in points)
        {
            var index = point.IsPositive && point.ClassId == classId ? PointRasterizer.IndexOf(point, grid) : -1;
            if (index >= 0)
            {
                indices.Add(index);
            }
        }

        if (indices.Count == 0)
        {
            return new PointValidity(0, 0, []);
        }

        var (maskBoundary, outsideBoundary) = Boundaries(consensus, grid);
        var distances = new double[indices.Count];
        var inside = 0;
        for (var p = 0; p < indices.Count; p++)
        {
            var isInside = consensus[indices[p]];
            inside += isInside ? 1 : 0;
            distances[p] = isInside
                ? -Nearest(indices[p], outsideBoundary, grid)
                : Nearest(indices[p], maskBoundary, grid);
        }

        return new PointValidity(indices.Count, inside, distances);
    }

    /// <summary>Mask voxels with a face neighbour outside it, and outside voxels with one inside (within the image).</summary>
    private static (List<int> Mask, List<int> Outside) Boundaries(bool[] mask, Grid grid)
    {
        var (inside, outside) = (new List<int>(), new List<int>());
        for (var k = 0; k < grid.Nz; k++)
        {
            for (var j = 0; j < grid.Ny; j++)
            {
                for (var i = 0; i < grid.Nx; i++)
                {
                    var v = grid.Index(i, j, k);
                    var self = mask[v];
                    var differs = (i > 0 && mask[v - 1] != self) || (i < grid.Nx - 1 && mask[v + 1] != self)
                        || (j > 0 && mask[v - grid.Nx] != self) || (j < grid.Ny - 1 && mask[v + grid.Nx] != self)
                        || (k > 0 && mask[v - grid.SliceSize] != self) || (k < grid.Nz - 1 && mask[v + grid.SliceSize] != self);
                    if (differs)
                    {
                        (self ? inside : outside).Add(v);
                    }
                }
            }
        }

        return (inside, outside);
    }

    private static double Nearest(int from, List<int> candidates, Grid grid)
    {
        var (fi, fj, fk) = (from % grid.Nx, from / grid.Nx % grid.Ny, from / grid.SliceSize);
        var best = double.PositiveInfinity;
        foreach (var c in candidates)
        {
            var dx = (c % grid.Nx - fi) * grid.SpacingX;
            var dy = (c / grid.Nx % grid.Ny - fj) * grid.SpacingY;
            var dz = (c / grid.SliceSize - fk) * grid.SpacingZ;
            best = Math.Min(best, dx * dx + dy * dy + dz * dz);
        }

        return Math.Sqrt(best);
    }
}

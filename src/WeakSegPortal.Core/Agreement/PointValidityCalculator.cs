using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Checks positive clicks of one class against a consensus mask (ideally leave-one-out).</summary>
/// <remarks>
/// Signed distances follow <see cref="SignedDistanceMap"/> (negative inside, positive outside, between
/// voxel centres) but are measured only at the clicks: the nearest consensus voxel to an outside click is
/// always a surface voxel, and the nearest outside voxel to an inside click always borders the mask, so
/// scanning those two surfaces is exact and far cheaper than two full distance transforms.
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

        var complement = new bool[consensus.Length];
        for (var v = 0; v < consensus.Length; v++)
        {
            complement[v] = !consensus[v];
        }

        var maskSurface = SurfaceIndices(SurfaceVoxels.Of(consensus, grid));
        var outsideSurface = SurfaceIndices(SurfaceVoxels.Of(complement, grid));
        var distances = new double[indices.Count];
        var inside = 0;
        for (var p = 0; p < indices.Count; p++)
        {
            var isInside = consensus[indices[p]];
            inside += isInside ? 1 : 0;
            distances[p] = isInside
                ? -Nearest(indices[p], outsideSurface, grid)
                : Nearest(indices[p], maskSurface, grid);
        }

        return new PointValidity(indices.Count, inside, distances);
    }

    private static List<int> SurfaceIndices(bool[] surface)
    {
        var indices = new List<int>();
        for (var v = 0; v < surface.Length; v++)
        {
            if (surface[v])
            {
                indices.Add(v);
            }
        }

        return indices;
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

using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

/// <summary>Slow, obviously correct references the fast algorithms are checked against.</summary>
internal static class BruteForce
{
    public static double SquaredDistance(int from, bool[] features, Grid grid)
    {
        var best = double.PositiveInfinity;
        for (var v = 0; v < features.Length; v++)
        {
            if (features[v])
            {
                best = Math.Min(best, SquaredMm(from, v, grid));
            }
        }

        return best;
    }

    public static double SquaredMm(int a, int b, Grid grid)
    {
        var dx = (a % grid.Nx - b % grid.Nx) * grid.SpacingX;
        var dy = (a / grid.Nx % grid.Ny - b / grid.Nx % grid.Ny) * grid.SpacingY;
        var dz = (a / grid.SliceSize - b / grid.SliceSize) * grid.SpacingZ;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>Surface by definition: a mask voxel with a face neighbour outside the mask or the image.</summary>
    public static bool[] Surface(bool[] mask, Grid grid)
    {
        var surface = new bool[mask.Length];
        for (var v = 0; v < mask.Length; v++)
        {
            var (i, j, k) = (v % grid.Nx, v / grid.Nx % grid.Ny, v / grid.SliceSize);
            var neighbours = new List<(int, int, int)> { (i - 1, j, k), (i + 1, j, k), (i, j - 1, k), (i, j + 1, k) };
            if (grid.Nz > 1)
            {
                neighbours.AddRange([(i, j, k - 1), (i, j, k + 1)]);
            }

            surface[v] = mask[v] && neighbours.Any(n => !grid.Contains(n.Item1, n.Item2, n.Item3)
                || !mask[grid.Index(n.Item1, n.Item2, n.Item3)]);
        }

        return surface;
    }
}

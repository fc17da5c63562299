using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>HD95, ASSD and Hausdorff distance between two masks with anisotropic spacing (2D or 3D).</summary>
/// <remarks>
/// Each surface voxel of one mask is measured to the nearest surface voxel of the other with an
/// exact distance transform; both directions are pooled. The percentile interpolates linearly
/// between order statistics (as NumPy's default), so small surfaces give stable values.
/// Both masks empty gives 0; exactly one empty gives +∞ (see <see cref="SurfaceDistances"/>).
/// </remarks>
public static class SurfaceDistance
{
    public static SurfaceDistances Compute(bool[] a, bool[] b, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var surfaceA = SurfaceVoxels.Of(a, grid);
        var surfaceB = SurfaceVoxels.Of(b, grid);
        var countA = LabelMasks.Count(surfaceA);
        var countB = LabelMasks.Count(surfaceB);
        if (countA == 0 && countB == 0)
        {
            return SurfaceDistances.Identical;
        }

        if (countA == 0 || countB == 0)
        {
            return SurfaceDistances.Unbounded;
        }

        var distances = new double[countA + countB];
        var filled = Directed(surfaceA, DistanceTransform.SquaredMm(surfaceB, grid), distances, 0);
        Directed(surfaceB, DistanceTransform.SquaredMm(surfaceA, grid), distances, filled);
        Array.Sort(distances);
        var sum = 0.0;
        foreach (var distance in distances)
        {
            sum += distance;
        }

        return new SurfaceDistances(Percentile(distances, 95), sum / distances.Length, distances[^1]);
    }

    /// <summary>The 2D distances on one slice of a volume (in-plane spacing only).</summary>
    public static SurfaceDistances ComputeOnSlice(bool[] a, bool[] b, Grid grid, int slice)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(grid);
        grid.EnsureMatches(a.Length);
        grid.EnsureMatches(b.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, grid.Nz);
        var plane = Grid.Planar(grid.Nx, grid.Ny, grid.SpacingX, grid.SpacingY);
        return Compute(a[(slice * grid.SliceSize)..((slice + 1) * grid.SliceSize)],
            b[(slice * grid.SliceSize)..((slice + 1) * grid.SliceSize)], plane);
    }

    /// <summary>Linear-interpolated percentile of an ascending array.</summary>
    internal static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static int Directed(bool[] from, double[] squaredToOther, double[] into, int offset)
    {
        for (var v = 0; v < from.Length; v++)
        {
            if (from[v])
            {
                into[offset++] = Math.Sqrt(squaredToOther[v]);
            }
        }

        return offset;
    }
}

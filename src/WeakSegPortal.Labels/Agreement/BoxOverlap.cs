using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>IoU of boxes in continuous voxel index space, and the bounding box of a mask.</summary>
/// <remarks>
/// Boxes are areas, not voxel sets: boxes that only touch share no area and score 0. Two degenerate
/// (zero-area) boxes have an empty union and score 0, since they describe no object to agree on.
/// </remarks>
public static class BoxOverlap
{
    public static double IoU(Box2D a, Box2D b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Slice != b.Slice)
        {
            return 0;
        }

        var intersection = Overlap1D(a.MinX, a.MaxX, b.MinX, b.MaxX) * Overlap1D(a.MinY, a.MaxY, b.MinY, b.MaxY);
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    public static double IoU(Box3D a, Box3D b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var intersection = Overlap1D(a.MinX, a.MaxX, b.MinX, b.MaxX)
            * Overlap1D(a.MinY, a.MaxY, b.MinY, b.MaxY)
            * Overlap1D(a.MinZ, a.MaxZ, b.MinZ, b.MaxZ);
        var union = a.Volume + b.Volume - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <summary>The box around the mask's voxels on one slice (voxel edges, ±0.5), or null if none.</summary>
    public static Box2D? BoundingBox(bool[] mask, Grid grid, int slice, int classId = 0)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(grid);
        grid.EnsureMatches(mask.Length);
        int minI = int.MaxValue, maxI = -1, minJ = int.MaxValue, maxJ = -1;
        for (var j = 0; j < grid.Ny; j++)
        {
            var row = grid.Index(0, j, slice);
            for (var i = 0; i < grid.Nx; i++)
            {
                if (mask[row + i])
                {
                    (minI, maxI) = (Math.Min(minI, i), Math.Max(maxI, i));
                    (minJ, maxJ) = (Math.Min(minJ, j), Math.Max(maxJ, j));
                }
            }
        }

        return maxI < 0 ? null : new Box2D(minI - 0.5, minJ - 0.5, maxI + 0.5, maxJ + 0.5, slice, classId);
    }

    private static double Overlap1D(double a0, double a1, double b0, double b1) =>
        Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));
}

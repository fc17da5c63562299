using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>IoU of boxes in continuous voxel index space, and the bounding box of a mask.</summary>
/// <remarks>
/// Boxes are areas, not voxel sets: boxes that only touch share no area and score 0. Two degenerate
/// (zero-area) boxes have an empty union and score 0, since they describe no object to agree on.
/// Two boxes are compared only on the same plane and slice (a coronal box with a coronal box on the same j).
/// </remarks>
public static class BoxOverlap
{
    public static double IoU(Box2D a, Box2D b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Slice != b.Slice || a.Plane != b.Plane)
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

    /// <summary>The box around the mask's voxels on one slice of a plane (coronal: over i and k on row j; sagittal: over j and k on column i), or null if none.</summary>
    public static Box2D? BoundingBox(bool[] mask, Grid grid, SlicePlane plane, int slice, int classId = 0)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(grid);
        if (plane == SlicePlane.Axial)
        {
            return BoundingBox(mask, grid, slice, classId);
        }
        grid.EnsureMatches(mask.Length);
        var (width, height, _) = BoxVoxels.PlaneSize(grid, plane);
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var index = plane == SlicePlane.Coronal ? grid.Index(x, slice, y) : grid.Index(slice, x, y);
                if (mask[index])
                {
                    (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
                    (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        return maxX < 0 ? null : new Box2D(minX - 0.5, minY - 0.5, maxX + 0.5, maxY + 0.5, slice, classId, plane);
    }

    private static double Overlap1D(double a0, double a1, double b0, double b1) =>
        Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));
}

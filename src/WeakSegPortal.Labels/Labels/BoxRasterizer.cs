namespace WeakSegPortal.Core.Labels;

/// <summary>Fills the voxels whose centres lie inside a box (edges inclusive), clipped to the image; a coronal or sagittal box fills its voxels on its own plane.</summary>
public static class BoxRasterizer
{
    public static bool[] ToMask(Box2D box, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var mask = new bool[grid.Count];
        Fill(box, grid, mask);
        return mask;
    }

    public static bool[] ToMask(Box3D box, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var mask = new bool[grid.Count];
        Fill(box, grid, mask);
        return mask;
    }

    public static void Fill(Box2D box, Grid grid, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(grid);
        if (!box.IsAxial)
        {
            var (_, _, slices) = BoxVoxels.PlaneSize(grid, box.Plane);
            if (box.Slice >= 0 && box.Slice < slices)
            {
                Fill(BoxVoxels.Extent(box), grid, mask);
            }
            return;
        }
        if (box.Slice < 0 || box.Slice >= grid.Nz)
        {
            return;
        }

        FillRange(grid, mask, box.MinX, box.MaxX, box.MinY, box.MaxY, box.Slice, box.Slice);
    }

    public static void Fill(Box3D box, Grid grid, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(grid);
        var k0 = Math.Max(0, (int)Math.Ceiling(box.MinZ));
        var k1 = Math.Min(grid.Nz - 1, (int)Math.Floor(box.MaxZ));
        FillRange(grid, mask, box.MinX, box.MaxX, box.MinY, box.MaxY, k0, k1);
    }

    private static void FillRange(Grid grid, bool[] mask, double x0, double x1, double y0, double y1, int k0, int k1)
    {
        grid.EnsureMatches(mask.Length);
        var i0 = Math.Max(0, (int)Math.Ceiling(x0));
        var i1 = Math.Min(grid.Nx - 1, (int)Math.Floor(x1));
        var j0 = Math.Max(0, (int)Math.Ceiling(y0));
        var j1 = Math.Min(grid.Ny - 1, (int)Math.Floor(y1));
        if (i1 < i0)
        {
            return;
        }

        for (var k = k0; k <= k1; k++)
        {
            for (var j = j0; j <= j1; j++)
            {
                mask.AsSpan(grid.Index(i0, j, k), i1 - i0 + 1).Fill(true);
            }
        }
    }
}

namespace WeakSegPortal.Core.Labels;

/// <summary>Whether geometry lies inside the image, so the server can refuse labels drawn off it.</summary>
/// <remarks>
/// The image covers [-0.5, n - 0.5] on each in-plane axis (voxel centres at integers, each voxel one
/// unit wide); slices are whole indices in [0, Nz). Non-finite coordinates are never inside. A box on a
/// coronal or sagittal plane is held to that plane's axes (<see cref="BoxVoxels.PlaneSize"/>), and so are a polygon, brush stroke or mask on one.
/// </remarks>
public static class ImageBounds
{
    public static bool Contains(Grid grid, Box2D box)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(box);
        var (width, height, slices) = BoxVoxels.PlaneSize(grid, box.Plane);
        return box.Slice >= 0 && box.Slice < slices
            && In(width, box.X0) && In(width, box.X1) && In(height, box.Y0) && In(height, box.Y1);
    }

    public static bool Contains(Grid grid, Box3D box)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(box);
        return InX(grid, box.X0) && InX(grid, box.X1) && InY(grid, box.Y0) && InY(grid, box.Y1)
            && InZ(grid, box.Z0) && InZ(grid, box.Z1);
    }

    public static bool Contains(Grid grid, Scribble scribble)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(scribble);
        if (scribble.Points.Count == 0 || !HasSlice(grid, scribble.Slice)
            || !double.IsFinite(scribble.Width) || scribble.Width <= 0)
        {
            return false;
        }

        foreach (var point in scribble.Points)
        {
            if (!InX(grid, point.X) || !InY(grid, point.Y))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A polygon lies on a slice of its plane, its points inside that plane's extent (<see cref="PlaneVoxels.Of"/>).</summary>
    public static bool Contains(Grid grid, Polygon polygon)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(polygon);
        var plane = PlaneVoxels.Of(grid, polygon.Plane);
        return polygon.Points.Count > 0 && HasSlice(plane, polygon.Slice) && polygon.Points.All(p => InX(plane, p.X) && InY(plane, p.Y));
    }

    /// <summary>A mask lies on a slice of its plane and is exactly as large as that plane's slice.</summary>
    public static bool Contains(Grid grid, SliceMask mask)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(mask);
        var plane = PlaneVoxels.Of(grid, mask.Plane);
        return HasSlice(plane, mask.Slice) && mask.Width == plane.Nx && mask.Height == plane.Ny;
    }

    /// <summary>A brush stroke lies on a slice of its plane, its path inside that plane's extent.</summary>
    public static bool Contains(Grid grid, BrushStroke stroke)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        return Contains(PlaneVoxels.Of(grid, stroke.Plane), stroke.AsScribble());
    }

    public static bool Contains(Grid grid, LabelPoint point)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(point);
        return HasSlice(grid, point.Slice) && InX(grid, point.X) && InY(grid, point.Y);
    }

    public static bool Contains(Grid grid, Tag tag)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Slice is not { } k || HasSlice(grid, k);
    }

    private static bool HasSlice(Grid grid, int k) => k >= 0 && k < grid.Nz;

    private static bool In(int n, double x) => double.IsFinite(x) && x >= -0.5 && x <= n - 0.5;

    private static bool InX(Grid grid, double x) => double.IsFinite(x) && x >= -0.5 && x <= grid.Nx - 0.5;

    private static bool InY(Grid grid, double y) => double.IsFinite(y) && y >= -0.5 && y <= grid.Ny - 0.5;

    private static bool InZ(Grid grid, double z) => double.IsFinite(z) && z >= -0.5 && z <= grid.Nz - 0.5;
}

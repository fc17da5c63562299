namespace WeakSegPortal.Core.Labels;

/// <summary>Turns a scribble into the voxels within half its width of the polyline on its slice.</summary>
/// <remarks>
/// The radius is never below half a voxel, so a thin stroke still marks the voxels it crosses
/// and a single-point scribble marks the voxel under it.
/// </remarks>
public static class ScribbleRasterizer
{
    public static bool[] ToMask(Scribble scribble, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var mask = new bool[grid.Count];
        Fill(scribble, grid, mask);
        return mask;
    }

    public static void Fill(Scribble scribble, Grid grid, bool[] mask) =>
        Visit(scribble, grid, index => mask[index] = true);

    /// <summary>Calls <paramref name="visit"/> for each voxel index covered (a voxel may come more than once).</summary>
    public static void Visit(Scribble scribble, Grid grid, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(scribble);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(visit);
        var points = scribble.Points;
        if (points.Count == 0 || scribble.Slice < 0 || scribble.Slice >= grid.Nz)
        {
            return;
        }

        var radius = Math.Max(scribble.Width / 2, 0.5);
        if (points.Count == 1)
        {
            VisitSegment(points[0], points[0], radius, scribble.Slice, grid, visit);
        }

        for (var s = 1; s < points.Count; s++)
        {
            VisitSegment(points[s - 1], points[s], radius, scribble.Slice, grid, visit);
        }
    }

    private static void VisitSegment(PlanePoint a, PlanePoint b, double radius, int k, Grid grid, Action<int> visit)
    {
        var i0 = Math.Max(0, (int)Math.Ceiling(Math.Min(a.X, b.X) - radius));
        var i1 = Math.Min(grid.Nx - 1, (int)Math.Floor(Math.Max(a.X, b.X) + radius));
        var j0 = Math.Max(0, (int)Math.Ceiling(Math.Min(a.Y, b.Y) - radius));
        var j1 = Math.Min(grid.Ny - 1, (int)Math.Floor(Math.Max(a.Y, b.Y) + radius));
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = dx * dx + dy * dy;
        var radiusSquared = radius * radius;
        for (var j = j0; j <= j1; j++)
        {
            for (var i = i0; i <= i1; i++)
            {
                var t = lengthSquared == 0 ? 0 : Math.Clamp(((i - a.X) * dx + (j - a.Y) * dy) / lengthSquared, 0, 1);
                var (ex, ey) = (i - a.X - t * dx, j - a.Y - t * dy);
                if (ex * ex + ey * ey <= radiusSquared)
                {
                    visit(grid.Index(i, j, k));
                }
            }
        }
    }
}

namespace WeakSegPortal.Core.Labels;

/// <summary>Turns a polygon into the voxels of its slice whose centres lie inside it (even–odd rule).</summary>
/// <remarks>
/// Scanline fill: for each row j the crossings of the horizontal line y = j with the edges are
/// found (half-open in y, so a vertex on the line is counted once), sorted, and the voxel centres
/// between pairs of crossings are filled. A self-intersecting outline leaves its doubly covered parts
/// empty, as the even–odd rule says. A centre exactly on a left edge is inside, on a right edge outside.
/// </remarks>
public static class PolygonRasterizer
{
    public static bool[] ToMask(Polygon polygon, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var mask = new bool[grid.Count];
        Visit(polygon, grid, index => mask[index] = true);
        return mask;
    }

    public static void Visit(Polygon polygon, Grid grid, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(visit);
        var points = polygon.Points;
        if (points.Count < 3 || polygon.Slice < 0 || polygon.Slice >= grid.Nz)
        {
            return;
        }

        var minY = points.Min(p => p.Y);
        var maxY = points.Max(p => p.Y);
        var j0 = Math.Max(0, (int)Math.Ceiling(minY));
        var j1 = Math.Min(grid.Ny - 1, (int)Math.Floor(maxY));
        var crossings = new List<double>();
        for (var j = j0; j <= j1; j++)
        {
            crossings.Clear();
            for (var e = 0; e < points.Count; e++)
            {
                var a = points[e];
                var b = points[(e + 1) % points.Count];
                if ((a.Y <= j) == (b.Y <= j))
                {
                    continue;
                }

                crossings.Add(a.X + ((j - a.Y) / (b.Y - a.Y) * (b.X - a.X)));
            }

            crossings.Sort();
            for (var c = 0; c + 1 < crossings.Count; c += 2)
            {
                var i0 = Math.Max(0, (int)Math.Ceiling(crossings[c]));
                var i1 = Math.Min(grid.Nx - 1, (int)Math.Ceiling(crossings[c + 1]) - 1);
                for (var i = i0; i <= i1; i++)
                {
                    visit(grid.Index(i, j, polygon.Slice));
                }
            }
        }
    }

    /// <summary>Area enclosed (shoelace formula, absolute value) in voxel units.</summary>
    public static double Area(IReadOnlyList<PlanePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var twice = 0.0;
        for (var e = 0; e < points.Count; e++)
        {
            var a = points[e];
            var b = points[(e + 1) % points.Count];
            twice += (a.X * b.Y) - (b.X * a.Y);
        }

        return Math.Abs(twice) / 2;
    }
}

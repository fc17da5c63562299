namespace WeakSegPortal.Core.Labels;

/// <summary>Maps a click to the single voxel whose centre is nearest.</summary>
public static class PointRasterizer
{
    /// <summary>The voxel index of the point, or -1 when it falls outside the image.</summary>
    public static int IndexOf(LabelPoint point, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(grid);
        var i = (int)Math.Round(point.X, MidpointRounding.AwayFromZero);
        var j = (int)Math.Round(point.Y, MidpointRounding.AwayFromZero);
        return grid.Contains(i, j, point.Slice) ? grid.Index(i, j, point.Slice) : -1;
    }

    public static bool[] ToMask(LabelPoint point, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var mask = new bool[grid.Count];
        var index = IndexOf(point, grid);
        if (index >= 0)
        {
            mask[index] = true;
        }

        return mask;
    }
}

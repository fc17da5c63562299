using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>The voxels of a mask that touch the outside through a face.</summary>
/// <remarks>
/// Face neighbours: 4 in-plane for a single-slice grid, 6 in a volume. Beyond the image edge
/// counts as outside, so a mask cut by the border still has a closed surface there.
/// </remarks>
public static class SurfaceVoxels
{
    public static bool[] Of(bool[] mask, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(grid);
        grid.EnsureMatches(mask.Length);
        var surface = new bool[mask.Length];
        var volume = grid.Nz > 1;
        for (var k = 0; k < grid.Nz; k++)
        {
            for (var j = 0; j < grid.Ny; j++)
            {
                for (var i = 0; i < grid.Nx; i++)
                {
                    var v = grid.Index(i, j, k);
                    if (!mask[v])
                    {
                        continue;
                    }

                    surface[v] = i == 0 || i == grid.Nx - 1 || !mask[v - 1] || !mask[v + 1]
                        || j == 0 || j == grid.Ny - 1 || !mask[v - grid.Nx] || !mask[v + grid.Nx]
                        || (volume && (k == 0 || k == grid.Nz - 1
                            || !mask[v - grid.SliceSize] || !mask[v + grid.SliceSize]));
                }
            }
        }

        return surface;
    }
}

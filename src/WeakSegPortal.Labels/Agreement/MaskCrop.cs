using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Two masks cut down to the box around both, one voxel wider each way where the image allows.</summary>
/// <remarks>
/// Surface distances only look at the two surfaces, which lie inside that box; the one-voxel margin of outside keeps every
/// surface voxel a surface voxel, and where the box meets the image edge the edge still counts as outside, so the
/// distances are those of the whole grid (held by a test) at a fraction of the distance transform's cost.
/// </remarks>
internal static class MaskCrop
{
    /// <summary>The cropped masks and their grid (same spacing); null when both masks are empty.</summary>
    public static (bool[] A, bool[] B, Grid Grid)? Around(bool[] a, bool[] b, Grid grid)
    {
        int i0 = int.MaxValue, j0 = int.MaxValue, k0 = int.MaxValue, i1 = -1, j1 = -1, k1 = -1;
        for (var v = 0; v < grid.Count; v++)
        {
            if (!a[v] && !b[v])
            {
                continue;
            }
            var (i, j, k) = (v % grid.Nx, v / grid.Nx % grid.Ny, v / grid.SliceSize);
            (i0, i1) = (Math.Min(i0, i), Math.Max(i1, i));
            (j0, j1) = (Math.Min(j0, j), Math.Max(j1, j));
            (k0, k1) = (Math.Min(k0, k), Math.Max(k1, k));
        }
        if (i1 < 0)
        {
            return null;
        }
        (i0, j0) = (Math.Max(0, i0 - 1), Math.Max(0, j0 - 1));
        (i1, j1) = (Math.Min(grid.Nx - 1, i1 + 1), Math.Min(grid.Ny - 1, j1 + 1));
        // On a volume the margin reaches a slice further each way, so the crop stays a volume (never one slice with no caps).
        if (grid.Nz > 1)
        {
            (k0, k1) = (Math.Max(0, k0 - 1), Math.Min(grid.Nz - 1, k1 + 1));
        }
        var cropped = new Grid(i1 - i0 + 1, j1 - j0 + 1, k1 - k0 + 1, grid.SpacingX, grid.SpacingY, grid.SpacingZ);
        var (ca, cb) = (new bool[cropped.Count], new bool[cropped.Count]);
        for (var k = k0; k <= k1; k++)
        {
            for (var j = j0; j <= j1; j++)
            {
                Array.Copy(a, grid.Index(i0, j, k), ca, cropped.Index(0, j - j0, k - k0), cropped.Nx);
                Array.Copy(b, grid.Index(i0, j, k), cb, cropped.Index(0, j - j0, k - k0), cropped.Nx);
            }
        }
        return (ca, cb, cropped);
    }
}

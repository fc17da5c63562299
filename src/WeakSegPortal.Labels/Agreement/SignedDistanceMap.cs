using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Signed distance (mm) from every voxel centre to a mask's boundary: negative inside, positive outside.</summary>
/// <remarks>
/// Outside: distance to the nearest mask voxel centre. Inside: minus the distance to the nearest
/// voxel centre outside the mask. So a voxel just outside is +spacing and one just inside −spacing,
/// never 0. An empty mask gives +∞ everywhere; a mask filling the image gives −∞ everywhere.
/// </remarks>
public static class SignedDistanceMap
{
    public static double[] Compute(bool[] mask, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(grid);
        var toMask = DistanceTransform.SquaredMm(mask, grid);
        var outside = new bool[mask.Length];
        for (var v = 0; v < mask.Length; v++)
        {
            outside[v] = !mask[v];
        }

        var toOutside = DistanceTransform.SquaredMm(outside, grid);
        var signed = new double[mask.Length];
        for (var v = 0; v < mask.Length; v++)
        {
            signed[v] = mask[v] ? -Math.Sqrt(toOutside[v]) : Math.Sqrt(toMask[v]);
        }

        return signed;
    }
}

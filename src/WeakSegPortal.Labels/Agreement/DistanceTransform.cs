using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Exact squared Euclidean distance (mm²) from every voxel to the nearest feature voxel.</summary>
/// <remarks>
/// Felzenszwalb and Huttenlocher's separable lower-envelope algorithm ("Distance Transforms of
/// Sampled Functions", 2012), run along x, y, then z with each axis's spacing, so anisotropic
/// voxels give true millimetre distances in O(voxels). With no feature voxel every value is +∞.
/// </remarks>
public static class DistanceTransform
{
    public static double[] SquaredMm(bool[] features, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(grid);
        grid.EnsureMatches(features.Length);
        var d = new double[features.Length];
        for (var v = 0; v < d.Length; v++)
        {
            d[v] = features[v] ? 0 : double.PositiveInfinity;
        }

        var longest = Math.Max(grid.Nx, Math.Max(grid.Ny, grid.Nz));
        var buffers = new EnvelopeBuffers(longest);
        var lines = grid.Count / grid.Nx;
        for (var line = 0; line < lines; line++)
        {
            buffers.Transform(d, line * grid.Nx, 1, grid.Nx, grid.SpacingX);
        }

        for (var k = 0; k < grid.Nz; k++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                buffers.Transform(d, grid.Index(i, 0, k), grid.Nx, grid.Ny, grid.SpacingY);
            }
        }

        if (grid.Nz > 1)
        {
            for (var start = 0; start < grid.SliceSize; start++)
            {
                buffers.Transform(d, start, grid.SliceSize, grid.Nz, grid.SpacingZ);
            }
        }

        return d;
    }
}

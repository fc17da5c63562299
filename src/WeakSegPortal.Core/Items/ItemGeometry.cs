namespace WeakSegPortal.Core.Items;

/// <summary>
/// Where an item's voxels sit: dimensions, spacing (mm), origin (LPS mm) and a row-major 3×3
/// direction whose columns are the directions of i, j, k. world = origin + direction·(spacing ⊙ index).
/// </summary>
public sealed record ItemGeometry(int Nx, int Ny, int Nz, double[] Spacing, double[] Origin, double[] Direction)
{
    public long VoxelCount => (long)Nx * Ny * Nz;
}

using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>The rasterisation grid of an item: its dimensions and voxel spacing.</summary>
public static class ItemGrids
{
    public static Grid Of(ItemGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        double At(int axis) => geometry.Spacing.Length > axis && geometry.Spacing[axis] > 0 ? geometry.Spacing[axis] : 1;
        return new Grid(Math.Max(1, geometry.Nx), Math.Max(1, geometry.Ny), Math.Max(1, geometry.Nz), At(0), At(1), At(2));
    }
}

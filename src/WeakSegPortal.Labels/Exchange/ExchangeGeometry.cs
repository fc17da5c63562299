namespace WeakSegPortal.Core.Labels;

/// <summary>
/// Where an item's voxels sit (docs/CONVENTIONS: world = origin + direction · (spacing ⊙ index), LPS mm):
/// size [nx, ny, nz], spacing (mm), origin, and the 3×3 direction row-major, its columns the directions of i, j, k.
/// </summary>
public sealed record ExchangeGeometry(int[] Size, double[] Spacing, double[] Origin, double[] Direction)
{
    /// <summary>The rasterisation grid of the item.</summary>
    public Grid ToGrid()
    {
        if (Size is not { Length: 3 })
        {
            throw new InvalidDataException("An item's size is [nx, ny, nz].");
        }
        double At(int axis) => Spacing is { } s && s.Length > axis && s[axis] > 0 ? s[axis] : 1;
        return new Grid(Math.Max(1, Size[0]), Math.Max(1, Size[1]), Math.Max(1, Size[2]), At(0), At(1), At(2));
    }
}

using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.ML.Propagation;

/// <summary>The box around a slice mask's set pixels, in voxel index space (pixel centres at integers, edges at ±0.5): the box prompt a propagation step sends with the previous mask.</summary>
public static class SeedBox
{
    public static Box2D? Of(bool[] mask, int width, int slice, int classId)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var n = 0; n < mask.Length; n++)
        {
            if (mask[n])
            {
                var (x, y) = (n % width, n / width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }
        return x1 < 0 ? null : new Box2D(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5, slice, classId);
    }
}

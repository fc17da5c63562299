using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Symmetric Chamfer distance (mm) between two voxel sets, e.g. two annotators' scribbles.</summary>
/// <remarks>
/// The mean over A of the distance to the nearest voxel of B, and the same from B to A, averaged:
/// (mean_A→B + mean_B→A) / 2. Both empty gives 0; exactly one empty gives +∞.
/// </remarks>
public static class ChamferDistance
{
    public static double Symmetric(bool[] a, bool[] b, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var countA = LabelMasks.Count(a);
        var countB = LabelMasks.Count(b);
        if (countA == 0 && countB == 0)
        {
            return 0;
        }

        if (countA == 0 || countB == 0)
        {
            return double.PositiveInfinity;
        }

        var aToB = MeanDistance(a, DistanceTransform.SquaredMm(b, grid), countA);
        var bToA = MeanDistance(b, DistanceTransform.SquaredMm(a, grid), countB);
        return (aToB + bToA) / 2;
    }

    private static double MeanDistance(bool[] from, double[] squaredToOther, int count)
    {
        var sum = 0.0;
        for (var v = 0; v < from.Length; v++)
        {
            sum += from[v] ? Math.Sqrt(squaredToOther[v]) : 0;
        }

        return sum / count;
    }
}

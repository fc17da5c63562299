using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Checks positive clicks of one class against a consensus mask (ideally leave-one-out).</summary>
public static class PointValidityCalculator
{
    public static PointValidity Evaluate(IReadOnlyList<LabelPoint> points, int classId, bool[] consensus, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(points);
        var indices = new List<int>();
        foreach (var point in points)
        {
            var index = point.IsPositive && point.ClassId == classId ? PointRasterizer.IndexOf(point, grid) : -1;
            if (index >= 0)
            {
                indices.Add(index);
            }
        }

        if (indices.Count == 0)
        {
            return new PointValidity(0, 0, []);
        }

        var signed = SignedDistanceMap.Compute(consensus, grid);
        var distances = new double[indices.Count];
        var inside = 0;
        for (var p = 0; p < indices.Count; p++)
        {
            distances[p] = signed[indices[p]];
            inside += consensus[indices[p]] ? 1 : 0;
        }

        return new PointValidity(indices.Count, inside, distances);
    }
}

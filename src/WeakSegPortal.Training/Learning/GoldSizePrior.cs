namespace WeakSegPortal.Training.Learning;

/// <summary>
/// Each class's expected area (pixels) on a slice where it appears, from gold masks: <see cref="Below"/> × the smallest to
/// <see cref="Above"/> × the largest area seen. The points row's size constraint, for the benchmark (its held-out truth) and
/// the worker (its validation items' gold masks) alike.
/// </summary>
public static class GoldSizePrior
{
    public const double Below = 0.7;
    public const double Above = 1.3;

    /// <param name="slices">Gold class maps, one per slice (class id per pixel).</param>
    /// <param name="classes">Classes with background; a class no slice holds has no prior.</param>
    public static Dictionary<int, (double Min, double Max)> From(IEnumerable<ReadOnlyMemory<byte>> slices, int classes)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var areas = new List<int>[classes];
        foreach (var slice in slices)
        {
            var counts = new int[classes];
            foreach (var value in slice.Span)
            {
                if (value > 0 && value < classes)
                {
                    counts[value]++;
                }
            }
            for (var c = 1; c < classes; c++)
            {
                if (counts[c] > 0)
                {
                    (areas[c] ??= []).Add(counts[c]);
                }
            }
        }
        var prior = new Dictionary<int, (double Min, double Max)>();
        for (var c = 1; c < classes; c++)
        {
            if (areas[c] is { Count: > 0 } seen)
            {
                prior[c] = (Below * seen.Min(), Above * seen.Max());
            }
        }
        return prior;
    }
}

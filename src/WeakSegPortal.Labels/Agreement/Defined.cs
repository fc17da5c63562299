namespace WeakSegPortal.Core.Agreement;

/// <summary>Turns the maths' NaN ("nothing to compare") into null, which JSON and people read better.</summary>
public static class Defined
{
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Mean of the values that are set; null when none is.</summary>
    public static double? Mean(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (v is { } x && double.IsFinite(x))
            {
                sum += x;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    public static double? Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

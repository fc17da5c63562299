namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// The intensity of a mask's pixels on a slice, as <see cref="PropagationStop"/> compares it: the median (what most of the
/// pixels show, so a rim of neighbour or a lesion inside the object does not move it) and the spread, 1.4826 × the median
/// absolute deviation (the standard deviation a Gaussian of that MAD has, robust the same way). Raw slice values: HU for CT.
/// </summary>
public sealed record MaskIntensity(double Median, double Spread, int Pixels)
{
    /// <summary>1.4826: the MAD of a Gaussian times this is its standard deviation.</summary>
    public const double GaussianSpread = 1.4826;

    /// <summary>Null when the mask has no set pixels.</summary>
    public static MaskIntensity? Of(bool[] mask, float[] values)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(values);
        if (mask.Length != values.Length)
        {
            throw new ArgumentException($"The mask has {mask.Length} pixels; the slice has {values.Length}.", nameof(values));
        }
        var inside = new List<double>();
        for (var n = 0; n < mask.Length; n++)
        {
            if (mask[n])
            {
                inside.Add(values[n]);
            }
        }
        if (inside.Count == 0)
        {
            return null;
        }
        var median = MiddleOf(inside);
        var deviations = inside.ConvertAll(v => Math.Abs(v - median));
        return new MaskIntensity(median, GaussianSpread * MiddleOf(deviations), inside.Count);
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    private static double MiddleOf(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

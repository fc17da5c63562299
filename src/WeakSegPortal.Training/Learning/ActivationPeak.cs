namespace WeakSegPortal.Training.Learning;

/// <summary>A class activation map's peak: its highest value, 0 where it is nowhere positive (a rectified map's maximum).</summary>
internal static class ActivationPeak
{
    public static float Of(ReadOnlySpan<float> map)
    {
        var peak = 0f;
        foreach (var value in map)
        {
            peak = Math.Max(peak, value);
        }
        return peak;
    }
}

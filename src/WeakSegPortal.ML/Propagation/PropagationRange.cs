namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// Which slices a propagation may visit: from <see cref="Start"/> (the slice with the object) towards <see cref="First"/>
/// and <see cref="Last"/> (inclusive, within the volume), in the directions asked for.
/// </summary>
public sealed record PropagationRange(int Start, int First, int Last, bool Down = true, bool Up = true)
{
    /// <summary>The range clipped to a volume of <paramref name="sliceCount"/> slices, at most <paramref name="maxSlices"/> each way when given.</summary>
    public static PropagationRange Within(int start, int sliceCount, int? first = null, int? last = null, bool down = true, bool up = true, int? maxSlices = null)
    {
        var lo = Math.Max(0, first ?? 0);
        var hi = Math.Min(sliceCount - 1, last ?? sliceCount - 1);
        if (maxSlices is { } m)
        {
            (lo, hi) = (Math.Max(lo, start - m), Math.Min(hi, start + m));
        }
        return new PropagationRange(start, Math.Min(lo, start), Math.Max(hi, start), down, up);
    }

    /// <summary>The slices in the order they are visited: upwards (k+1 …) first, then downwards (k−1 …).</summary>
    public IEnumerable<(int Slice, int From)> Walk(int direction)
    {
        var end = direction > 0 ? Last : First;
        for (var k = Start + direction; direction > 0 ? k <= end : k >= end; k += direction)
        {
            yield return (k, k - direction);
        }
    }
}

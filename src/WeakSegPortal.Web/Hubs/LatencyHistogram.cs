namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Durations counted into log-linear buckets (four per power of two, from 1 µs to about 70 minutes), lock-free, so that a
/// hot path can record every call and /health can give percentiles within about 19 % without keeping samples.
/// </summary>
public sealed class LatencyHistogram
{
    private const int PerOctave = 4;
    private const int Buckets = 32 * PerOctave;
    private readonly long[] _counts = new long[Buckets];
    private long _count;
    private long _maxTicks;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Max(1.0, elapsed.TotalMicroseconds);
        var bucket = Math.Clamp((int)(Math.Log2(micros) * PerOctave), 0, Buckets - 1);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        var ticks = elapsed.Ticks;
        for (var seen = Interlocked.Read(ref _maxTicks); ticks > seen; seen = Interlocked.Read(ref _maxTicks))
        {
            if (Interlocked.CompareExchange(ref _maxTicks, ticks, seen) == seen)
            {
                break;
            }
        }
    }

    /// <summary>The upper edge, in milliseconds, of the bucket holding quantile <paramref name="q"/>; 0 when nothing was recorded.</summary>
    public double PercentileMs(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }
        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var b = 0; b < Buckets; b++)
        {
            seen += Interlocked.Read(ref _counts[b]);
            if (seen >= rank)
            {
                return Math.Min(Math.Pow(2, (b + 1.0) / PerOctave) / 1000.0, MaxMs);
            }
        }
        return MaxMs;
    }

    public double MaxMs => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks)).TotalMilliseconds;
}

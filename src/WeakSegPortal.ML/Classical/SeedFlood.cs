using OpenCvSharp;

namespace WeakSegPortal.ML.Classical;

/// <summary>Flood fill from the positive seeds, blocked by negative seeds and the region's edge, within a tolerance learnt from the seeds.</summary>
internal static class SeedFlood
{
    private const double MinimumTolerance = 10;

    public static List<int> Grow(byte[] filtered, int width, int height, Rect region, sbyte[] seeds)
    {
        var (mean, std) = SeedStatistics(filtered, seeds);
        var tolerance = Math.Max(3 * std, MinimumTolerance);
        var (low, high) = (mean - tolerance, mean + tolerance);

        var inside = new bool[width * height];
        var queue = new Queue<int>();
        for (var n = 0; n < seeds.Length; n++)
        {
            if (seeds[n] > 0 && InRegion(n, width, region))
            {
                inside[n] = true;
                queue.Enqueue(n);
            }
        }

        var grown = new List<int>();
        while (queue.TryDequeue(out var n))
        {
            grown.Add(n);
            var (x, y) = (n % width, n / width);
            foreach (var m in new[] { x > region.Left ? n - 1 : -1, x < region.Right - 1 ? n + 1 : -1, y > region.Top ? n - width : -1, y < region.Bottom - 1 ? n + width : -1 })
            {
                if (m >= 0 && !inside[m] && seeds[m] >= 0 && filtered[m] >= low && filtered[m] <= high)
                {
                    inside[m] = true;
                    queue.Enqueue(m);
                }
            }
        }

        return grown;
    }

    private static bool InRegion(int n, int width, Rect region) =>
        region.Contains(n % width, n / width);

    private static (double Mean, double Std) SeedStatistics(byte[] filtered, sbyte[] seeds)
    {
        var (count, sum, squares) = (0, 0.0, 0.0);
        for (var n = 0; n < seeds.Length; n++)
        {
            if (seeds[n] > 0)
            {
                count++;
                sum += filtered[n];
                squares += filtered[n] * (double)filtered[n];
            }
        }

        var mean = sum / count;
        return (mean, Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean))));
    }
}

using System.Diagnostics;
using System.Globalization;

namespace WeakSegPortal.Benchmarks;

/// <summary>Times an action: warm-up runs first (JIT, caches), then prints median and p95 of the timed runs.</summary>
internal static class BenchmarkTimer
{
    public static void Measure(string name, int warmUp, int repetitions, Action action)
    {
        for (var w = 0; w < warmUp; w++)
        {
            action();
        }

        var milliseconds = new double[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            milliseconds[r] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(milliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {Percentile(milliseconds, 50):F1} ms, p95 {Percentile(milliseconds, 95):F1} ms ({repetitions} runs)"));
    }

    private static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

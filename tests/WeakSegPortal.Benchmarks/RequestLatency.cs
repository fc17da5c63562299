using System.Globalization;

namespace WeakSegPortal.Benchmarks;

/// <summary>Percentiles of request times (nearest rank) and the one line a benchmark prints for them.</summary>
internal static class RequestLatency
{
    public static double Median(List<double> times) => Percentile(times, 50);

    public static double Percentile(List<double> times, double percent)
    {
        var sorted = times.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
    }

    public static void Report(string name, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {Percentile(times, 50):F2} ms, p95 {Percentile(times, 95):F2} ms ({times.Count} requests)"));
}

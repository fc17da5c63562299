using System.Diagnostics;
using System.Globalization;

namespace WeakSegPortal.Benchmarks;

/// <summary>Times an action: warm-up runs first (JIT, caches), then prints median and p95 of the timed runs.</summary>
/// <remarks>
/// Wall time is the figure that matters, but the build machine is shared, so the process's CPU time
/// per run is printed too: it stays put when other work steals the cores.
/// </remarks>
internal static class BenchmarkTimer
{
    public static void Measure(string name, int warmUp, int repetitions, Action action)
    {
        for (var w = 0; w < warmUp; w++)
        {
            action();
        }

        var wall = new double[repetitions];
        var cpu = new double[repetitions];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repetitions; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            wall[r] = stopwatch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {Percentile(wall, 50):F1} ms, p95 {Percentile(wall, 95):F1} ms wall; median {Percentile(cpu, 50):F1} ms CPU ({repetitions} runs)"));
    }

    internal static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

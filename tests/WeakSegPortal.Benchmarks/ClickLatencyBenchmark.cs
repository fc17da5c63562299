using System.Diagnostics;
using System.Globalization;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Evaluation;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The hub suite's click sequence without the hub: on the 512×512 demo CT slice (seed 1, slice 4), per organ one
/// object from the truth's tight box then up to 3 simulated clicks (<c>grabcut-box</c>) and one from up to 6
/// simulated clicks alone (<c>grabcut-seeded</c>), the engine called in-process. Prints wall and CPU time per engine
/// and click number, so a slow step shows where it starts.
/// </summary>
internal static class ClickLatencyBenchmark
{
    private const int Size = 512;
    private const int Slice = 4;
    private const int Rounds = 3;

    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        var demo = new DemoVolumeGenerator(1).CreateCt(Size, 8);
        var image = PromptImage.FromVolume("bench-clicks", demo.Image, SliceOrientation.Axial, Slice);
        var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, Slice).Values;
        var samples = new List<(string Step, double Wall, double Cpu, double IoU)>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var (id, _) in DemoVolumeGenerator.LabelNames)
            {
                var truth = Array.ConvertAll(labels, v => (int)v == id);
                if (truth.Count(p => p) < 20)
                {
                    continue;
                }

                var start = new SuggestionPrompt(image, id);
                var boxed = await ObjectAsync(new GrabCutBoxEngine(), start with { Box = TightBox(truth) }, truth, 3, process, cancellationToken);
                var alone = await ObjectAsync(new SeededGrabCutEngine(), start, truth, 6, process, cancellationToken);
                if (round > 0)
                {
                    samples.AddRange(boxed);
                    samples.AddRange(alone);
                }
            }
        }

        foreach (var group in samples.GroupBy(s => s.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wall = group.Select(s => s.Wall).Order().ToArray();
            var cpu = group.Select(s => s.Cpu).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"clicks, 512x512 CT, {group.Key}: {wall.Length} calls, p50 {BenchmarkTimer.Percentile(wall, 50):F1} ms, p95 {BenchmarkTimer.Percentile(wall, 95):F1} ms wall;" +
                $" CPU p50 {BenchmarkTimer.Percentile(cpu, 50):F1} ms, p95 {BenchmarkTimer.Percentile(cpu, 95):F1} ms; mean IoU {group.Average(s => s.IoU):F3}"));
        }
    }

    private static async Task<List<(string Step, double Wall, double Cpu, double IoU)>> ObjectAsync(
        ISuggestionEngine engine, SuggestionPrompt prompt, bool[] truth, int clicks, Process process, CancellationToken cancellationToken)
    {
        var name = engine.Descriptor.Name;
        var samples = new List<(string, double, double, double)>();
        var (mask, lowRes) = (new bool[truth.Length], (LowResMask?)null);
        if (prompt.Box is not null)
        {
            var (suggestion, wall, cpu) = await TimedAsync(engine, prompt, process, cancellationToken);
            (mask, lowRes) = (suggestion.Mask, suggestion.LowResMask);
            samples.Add(($"{name} 0 box", wall, cpu, Overlap.IoU(mask, truth)));
        }

        for (var k = 1; k <= clicks && ClickSimulator.Next(truth, mask, Size, Size) is { } click; k++)
        {
            prompt = prompt with
            {
                Points = [.. prompt.Points, new LabelPoint(click.X, click.Y, Slice, prompt.ClassId, click.IsPositive)],
                PreviousMask = lowRes,
            };
            var (suggestion, wall, cpu) = await TimedAsync(engine, prompt, process, cancellationToken);
            (mask, lowRes) = (suggestion.Mask, suggestion.LowResMask);
            samples.Add(($"{name} {k} {(prompt.Box is null ? "" : "box + ")}click{(k == 1 ? "" : "s")}", wall, cpu, Overlap.IoU(mask, truth)));
        }

        return samples;
    }

    private static async Task<(Suggestion Suggestion, double Wall, double Cpu)> TimedAsync(
        ISuggestionEngine engine, SuggestionPrompt prompt, Process process, CancellationToken cancellationToken)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var suggestion = await engine.SuggestAsync(prompt, cancellationToken);
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (suggestion, wall, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    private static Box2D TightBox(bool[] truth)
    {
        var pixels = Enumerable.Range(0, truth.Length).Where(n => truth[n]).ToList();
        return new Box2D(pixels.Min(n => n % Size) - 0.5, pixels.Min(n => n / Size) - 0.5, pixels.Max(n => n % Size) + 0.5, pixels.Max(n => n / Size) + 0.5, Slice);
    }
}

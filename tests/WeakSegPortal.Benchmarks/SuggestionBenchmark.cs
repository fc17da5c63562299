using System.Globalization;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Suggest suite: the classical engines on a 512×512 demo CT slice (tight box per organ for GrabCut, one click at
/// the organ's centre for the seeded engine): time per suggestion and Dice against the known mask.
/// </summary>
internal static class SuggestionBenchmark
{
    private const int Size = 512;
    private const int Slice = 4;

    public static void Run()
    {
        var demo = new DemoVolumeGenerator(1).CreateCt(Size, 8);
        var image = PromptImage.FromVolume("bench", demo.Image, SliceOrientation.Axial, Slice);
        var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, Slice).Values;
        var box = new GrabCutBoxEngine();
        var seeded = new SeededGrabCutEngine();
        foreach (var (id, organ) in DemoVolumeGenerator.LabelNames)
        {
            var truth = Array.ConvertAll(labels, v => (int)v == id);
            var pixels = Enumerable.Range(0, truth.Length).Where(n => truth[n]).ToList();
            if (pixels.Count == 0)
            {
                continue;
            }

            var (x0, x1, y0, y1) = (pixels.Min(n => n % Size), pixels.Max(n => n % Size), pixels.Min(n => n / Size), pixels.Max(n => n / Size));
            var boxPrompt = new SuggestionPrompt(image, id) { Box = new Box2D(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5, Slice) };
            var centre = pixels.OrderBy(n => Math.Pow((n % Size) - pixels.Average(p => p % Size), 2) + Math.Pow((n / Size) - pixels.Average(p => p / Size), 2)).First();
            var clickPrompt = new SuggestionPrompt(image, id) { Points = [new LabelPoint(centre % Size, centre / Size, Slice, id)] };

            Report($"grabcut-box, {organ}, tight box {x1 - x0 + 1}x{y1 - y0 + 1}", box, boxPrompt, truth);
            Report($"grabcut-seeded, {organ}, one click", seeded, clickPrompt, truth);
        }
    }

    private static void Report(string name, ISuggestionEngine engine, SuggestionPrompt prompt, bool[] truth)
    {
        var dice = Overlap.Dice(engine.SuggestAsync(prompt, CancellationToken.None).GetAwaiter().GetResult().Mask, truth);
        BenchmarkTimer.Measure(string.Create(CultureInfo.InvariantCulture, $"{name}, 512x512 CT (Dice {dice:0.000})"), 1, 10,
            () => engine.SuggestAsync(prompt, CancellationToken.None).GetAwaiter().GetResult());
    }
}

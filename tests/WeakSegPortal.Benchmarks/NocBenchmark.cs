using System.Diagnostics;
using System.Globalization;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Evaluation;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Testing;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// NoC@85 and NoC@90 per engine on the demo organs (<see cref="DemoObjects"/>): the simulated annotator of
/// <see cref="NocRun"/> clicks until IoU 0.90 or 20 clicks. grabcut-seeded starts from nothing (its first click is
/// the organ's deepest point); grabcut-box starts from the truth's tightest box, then clicks (a box alone that
/// reaches the IoU counts 0 clicks). The SAM path runs on the test model of ML.Tests (no real weights here): a
/// plumbing check, not a quality figure.
/// </summary>
internal static class NocBenchmark
{
    private static readonly int[] Slices = [8, 12, 16];

    public static async Task RunAsync(CancellationToken ct)
    {
        var objects = DemoObjects.Create(Slices);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NoC on {objects.Count} demo objects (4 items × axial slices {string.Join('/', Slices)}, organs ≥ {DemoObjects.MinimumArea} px; " +
            $"{string.Join(", ", objects.GroupBy(o => o.Organ).Select(g => $"{g.Count()} {g.Key}"))})"));
        await ReportAsync("grabcut-seeded (clicks only)", new SeededGrabCutEngine(), objects, withBox: false, ct);
        await ReportAsync("grabcut-box (tight box, then clicks)", new GrabCutBoxEngine(), objects, withBox: true, ct);
        await SamPlumbingAsync(objects, ct);
    }

    private static async Task<List<ClickTrace>> ReportAsync(string name, ISuggestionEngine engine, List<DemoObject> objects, bool withBox, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var traces = new List<(DemoObject Object, ClickTrace Trace)>();
        foreach (var o in objects)
        {
            var start = new SuggestionPrompt(o.Image, o.LabelId) { Box = withBox ? o.TightBox() : null };
            traces.Add((o, await NocRun.RunAsync(engine, start, o.Truth, stopAt: 0.90, ct)));
        }

        Print(name, [.. traces.Select(t => t.Trace)], clock.Elapsed);
        foreach (var organ in traces.GroupBy(t => t.Object.Organ))
        {
            Print($"  {organ.Key}", [.. organ.Select(t => t.Trace)], null);
        }

        return [.. traces.Select(t => t.Trace)];
    }

    private static async Task SamPlumbingAsync(List<DemoObject> objects, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("weakseg-bench-sam-").FullName;
        try
        {
            var options = new SamTestModels(folder).Write(SamFamily.Sam);
            using var sam = SamEngine.Load("sam-test-model", options, new OnnxSessionFactory { PreferCuda = false },
                new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), null));
            var observed = new ObservedEngine(sam);
            var few = objects.Where(o => o.Case == objects[0].Case && o.Image.SliceIndex == 12).ToList();
            var clock = Stopwatch.StartNew();
            var traces = new List<ClickTrace>();
            foreach (var o in few)
            {
                traces.Add(await NocRun.RunAsync(observed, new SuggestionPrompt(o.Image, o.LabelId), o.Truth, 0.90, ct));
            }

            Print($"sam-onnx on the OnnxSharp TEST model (PLUMBING, not quality; provider {sam.ExecutionProvider})", traces, clock.Elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  decoder calls {observed.Calls}, of which with the previous low-res mask as mask_input: {observed.CallsWithPreviousMask}; " +
                $"the test decoder adds has_mask_input to mask_input, so the last low-res logit reads {observed.Last?.LowResMask?.Logits[0]:0} (= clicks with a mask passed back, per object)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Print(string name, IReadOnlyCollection<ClickTrace> traces, TimeSpan? took)
    {
        var at85 = NocSummary.Of(traces, 0.85);
        var at90 = NocSummary.Of(traces, 0.90);
        var finalIoU = traces.Average(t => t.IoUAfterClicks[^1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {at85.Objects} objects, NoC@85 {at85.MeanClicks:0.00} ({at85.Failed} failed), NoC@90 {at90.MeanClicks:0.00} ({at90.Failed} failed), " +
            $"mean final IoU {finalIoU:0.000}{(took is { } t ? $", {t.TotalSeconds:0.0} s" : "")}"));
    }
}

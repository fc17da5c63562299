using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Testing;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The SAM path's time per slice on a 512×512 demo CT slice, with the OnnxSharp test models of ML.Tests (no real
/// weights can be had here). Their encoder has the family's real input shape (SAM/MobileSAM: [1,3,1024,1024];
/// SAM-Med2D: [1,3,256,256]) but is one 16×16 average pool and a 1×1 convolution to 256 channels, and their decoder
/// is an Add, a Resize and a Sub: so these figures are our pipeline around the model (windowing, resize, normalise,
/// content hash, tensors, post-processing) plus a trivial model, not a real ViT encoder or SAM decoder.
/// </summary>
internal static class SamTimingBenchmark
{
    private const int Size = 512;

    public static void Run()
    {
        var demo = new DemoVolumeGenerator(1).CreateCt(Size, 8);
        var image = PromptImage.FromVolume("bench", demo.Image, SliceOrientation.Axial, 4);
        var folder = Directory.CreateTempSubdirectory("weakseg-bench-sam-").FullName;
        try
        {
            foreach (var family in new[] { SamFamily.Sam, SamFamily.SamMed2D })
            {
                Measure(family, new SamTestModels(folder).Write(family), image);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(SamFamily family, SamModelOptions options, PromptImage image)
    {
        var profile = SamFamilyProfile.For(family);
        var shape = $"[1,3,{profile.InputSize},{profile.InputSize}] → [1,256,{profile.EmbeddingSize},{profile.EmbeddingSize}]";
        var sessions = new OnnxSessionFactory { PreferCuda = false };

        // A memory cache too small for one embedding and no disk store: every Embed runs the encoder.
        using (var uncached = SamEngine.Load("sam-test", options, sessions, new TieredEmbeddingCache(new MemoryEmbeddingCache(1), null)))
        {
            BenchmarkTimer.Measure($"{family} test encoder {shape}, Embed on a cache miss (window + resize + normalise + SHA-256 + encoder run), 512x512 slice, {uncached.ExecutionProvider}",
                1, 10, () => uncached.Embed(image, CancellationToken.None));
        }

        using (var bare = new InferenceSession(options.EncoderPath))
        {
            var input = new DenseTensor<float>(new float[3 * profile.InputSize * profile.InputSize], [1, 3, profile.InputSize, profile.InputSize]);
            var feed = new[] { NamedOnnxValue.CreateFromTensor("image", input) };
            BenchmarkTimer.Measure($"{family} test encoder {shape}, the ONNX Runtime session's Run alone (CPU)", 1, 10, () =>
            {
                using var outputs = bare.Run(feed);
            });
        }

        using var engine = SamEngine.Load("sam-test", options, sessions, new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), null));
        engine.Embed(image, CancellationToken.None);
        var prompt = new SuggestionPrompt(image, 1)
        {
            Box = new Box2D(150.5, 180.5, 330.5, 340.5, image.SliceIndex),
            Points = [new LabelPoint(240, 260, image.SliceIndex, 1)],
        };
        var first = engine.SuggestAsync(prompt, CancellationToken.None).GetAwaiter().GetResult();
        var refine = prompt with { Points = [.. prompt.Points, new LabelPoint(200, 300, image.SliceIndex, 1, IsPositive: false)], PreviousMask = first.LowResMask };
        Console.WriteLine($"  (before the timed decoder calls: one Embed, then the first SuggestAsync found the embedding in {first.Embedding})");
        BenchmarkTimer.Measure($"{family} test decoder, SuggestAsync with the embedding cached (box + 1 click → 512x512 mask), {engine.ExecutionProvider}",
            3, 50, () => engine.SuggestAsync(prompt, CancellationToken.None).GetAwaiter().GetResult());
        BenchmarkTimer.Measure($"{family} test decoder, SuggestAsync refining (box + 2 clicks + previous low-res mask), {engine.ExecutionProvider}",
            3, 50, () => engine.SuggestAsync(refine, CancellationToken.None).GetAwaiter().GetResult());
    }
}

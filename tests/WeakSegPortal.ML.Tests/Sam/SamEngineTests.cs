using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Sam;

/// <summary>The SAM-family engine end to end through ONNX Runtime on the CPU, with test models of SAM's exact signatures.</summary>
[CoversEngine(EngineKinds.SamOnnx)]
public sealed class SamEngineTests : IDisposable
{
    private static readonly OnnxSessionFactory CpuOnly = new() { PreferCuda = false };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_box_reaches_the_decoder_as_corners_labelled_2_and_3_and_the_mask_comes_back_at_the_slice_size()
    {
        using var engine = Load(SamFamily.Sam);
        var prompt = new SuggestionPrompt(SyntheticPrompts.Disk(96, 64, 30, 30, 10), 1) { Box = new Box2D(10, 10, 50, 50, 0) };

        var suggestion = await engine.SuggestAsync(prompt, CancellationToken.None);

        Assert.Equal(2.5, suggestion.Score, 5);
        Assert.Equal((96, 64, 96 * 64), (suggestion.Width, suggestion.Height, suggestion.Mask.Length));
        Assert.Equal(256, suggestion.LowResMask!.Size);
    }

    [Fact]
    public async Task Clicks_alone_reach_the_decoder_with_the_padding_point_labelled_minus_1()
    {
        using var engine = Load(SamFamily.MobileSam);
        var prompt = new SuggestionPrompt(SyntheticPrompts.Disk(96, 64, 30, 30, 10), 1) { Points = [new LabelPoint(30, 30, 0, 1)] };

        var suggestion = await engine.SuggestAsync(prompt, CancellationToken.None);

        Assert.Equal(0, suggestion.Score, 5);
    }

    [Fact]
    public async Task Refining_passes_the_previous_low_res_mask_back_as_mask_input_with_has_mask_input_1()
    {
        using var engine = Load(SamFamily.Sam);
        var image = SyntheticPrompts.Disk(96, 64, 30, 30, 10);
        var first = await engine.SuggestAsync(new SuggestionPrompt(image, 1) { Points = [new LabelPoint(30, 30, 0, 1)] }, CancellationToken.None);

        var second = await engine.SuggestAsync(
            new SuggestionPrompt(image, 1) { Points = [new LabelPoint(30, 30, 0, 1), new LabelPoint(60, 30, 0, 1)], PreviousMask = first.LowResMask },
            CancellationToken.None);

        // The test decoder answers mask_input + has_mask_input: 0 without a previous mask, 0 + 1 with it.
        Assert.All(first.LowResMask!.Logits, v => Assert.Equal(0f, v));
        Assert.All(second.LowResMask!.Logits, v => Assert.Equal(1f, v));
        Assert.DoesNotContain(true, first.Mask);
        Assert.DoesNotContain(false, second.Mask);
    }

    [Fact]
    public async Task A_previous_mask_of_another_size_is_refused()
    {
        using var engine = Load(SamFamily.Sam);
        var prompt = new SuggestionPrompt(SyntheticPrompts.Disk(96, 64, 30, 30, 10), 1)
        {
            Points = [new LabelPoint(30, 30, 0, 1)],
            PreviousMask = new LowResMask(64, new float[64 * 64]),
        };

        await Assert.ThrowsAsync<PromptNotSupportedException>(() => engine.SuggestAsync(prompt, CancellationToken.None));
    }

    [Fact]
    public async Task MedSam_masks_in_its_1024_square_frame_are_resized_back_to_the_slice()
    {
        using var engine = Load(SamFamily.MedSam);
        var image = SyntheticPrompts.Disk(80, 40, 30, 20, 10);
        var first = await engine.SuggestAsync(new SuggestionPrompt(image, 1) { Box = new Box2D(10, 10, 50, 30, 0) }, CancellationToken.None);

        var second = await engine.SuggestAsync(new SuggestionPrompt(image, 1) { Box = new Box2D(10, 10, 50, 30, 0), PreviousMask = first.LowResMask }, CancellationToken.None);

        Assert.Equal(80 * 40, second.Mask.Length);
        Assert.DoesNotContain(false, second.Mask);
    }

    [Fact]
    public async Task Sam_Med2D_runs_at_256_square_with_64_square_low_res_masks()
    {
        using var engine = Load(SamFamily.SamMed2D);

        var suggestion = await engine.SuggestAsync(
            new SuggestionPrompt(SyntheticPrompts.Disk(120, 90, 30, 30, 10), 1) { Box = new Box2D(10, 10, 50, 50, 0) }, CancellationToken.None);

        Assert.Equal(64, suggestion.LowResMask!.Size);
        Assert.Equal(120 * 90, suggestion.Mask.Length);
    }

    [Fact]
    public async Task The_second_click_on_a_slice_reuses_its_embedding_from_memory_and_a_restart_finds_it_on_disk()
    {
        var options = new SamTestModels(_temp.Path).Write(SamFamily.Sam);
        var disk = _temp.File("embeddings");
        var prompt = new SuggestionPrompt(SyntheticPrompts.Disk(96, 64, 30, 30, 10), 1) { Points = [new LabelPoint(30, 30, 0, 1)] };
        using (var engine = SamEngine.Load("sam", options, CpuOnly, new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), new DiskEmbeddingStore(disk))))
        {
            Assert.Equal(EmbeddingSource.Encoded, (await engine.SuggestAsync(prompt, CancellationToken.None)).Embedding);
            Assert.Equal(EmbeddingSource.Memory, (await engine.SuggestAsync(prompt, CancellationToken.None)).Embedding);
        }

        using var restarted = SamEngine.Load("sam", options, CpuOnly, new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), new DiskEmbeddingStore(disk)));
        Assert.Equal(EmbeddingSource.Disk, (await restarted.SuggestAsync(prompt, CancellationToken.None)).Embedding);
    }

    [Fact]
    public void The_engine_reports_the_CPU_provider_and_the_version_from_the_model_files()
    {
        using var engine = Load(SamFamily.Sam);

        Assert.Equal("CPU", engine.ExecutionProvider);
        Assert.Matches("^[0-9a-f]{12}$", engine.Descriptor.Version);
    }

    private SamEngine Load(SamFamily family) =>
        SamEngine.Load(family.ToString().ToLowerInvariant(), new SamTestModels(_temp.Path).Write(family), CpuOnly,
            new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), null));
}

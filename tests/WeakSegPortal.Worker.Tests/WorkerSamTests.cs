using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>
/// A SAM-family engine through the worker, with test models of SAM's exact signatures (their decoder answers
/// low_res_masks = mask_input + has_mask_input, so a mask that is all set shows the previous mask went back in).
/// </summary>
public sealed class WorkerSamTests : IAsyncLifetime
{
    private const string Sam = "sam-test";
    private SamWorker _sam = null!;
    private readonly Guid _item = Guid.NewGuid();

    public async Task InitializeAsync() => _sam = await SamWorker.StartAsync(Sam, "test-1", DemoCt.Volume.Image, tracking: false);

    public async Task DisposeAsync() => await _sam.DisposeAsync();

    [Fact]
    public void The_announcement_offers_the_SAM_model_as_needing_embeddings_and_says_it_runs_on_the_CPU()
    {
        var announced = _sam.Portal.Announcements.Latest.Announcement;

        var sam = Assert.Single(announced.Engines, e => e.Name == Sam);
        Assert.Equal(("test-1", "Box, Points, PreviousMask", true), (sam.Version, sam.Accepts, sam.NeedsEmbedding));
        Assert.False(Assert.Single(announced.Engines, e => e.Name == GrabCutBoxEngine.Name).NeedsEmbedding);
        Assert.Equal((false, "CPU"), (announced.Gpu, announced.Provider));
    }

    [Fact]
    public async Task Precomputed_slices_are_ready_and_a_later_click_there_takes_the_embedding_from_memory()
    {
        var embedded = await _sam.Portal.ComputeEmbeddingsAsync(new EmbeddingJob(Guid.NewGuid(), Sam, _item, _sam.Volume, "CT", "axial", [11, 12, 13]));
        var again = await _sam.Portal.ComputeEmbeddingsAsync(new EmbeddingJob(Guid.NewGuid(), Sam, _item, _sam.Volume, "CT", "axial", [12]));

        var ready = await _sam.Portal.SuggestAsync(Job(Guid.NewGuid(), slice: 12));
        var cold = await _sam.Portal.SuggestAsync(Job(Guid.NewGuid(), slice: 5));

        Assert.Null(embedded.Error);
        Assert.Equal([11, 12, 13], embedded.ReadySlices);
        Assert.Equal([12], again.ReadySlices);
        Assert.Equal(0, again.EncoderMs);
        Assert.True(ready.Ok, ready.Error);
        Assert.Equal((Sam, "test-1", "CPU", "Memory"), (ready.Engine, ready.EngineVersion, ready.Provider, ready.EmbeddingSource));
        Assert.Equal("Encoded", cold.EmbeddingSource);
    }

    [Fact]
    public async Task A_second_prompt_of_one_object_refines_from_its_previous_low_res_mask_and_a_new_object_starts_fresh()
    {
        var objectId = Guid.NewGuid();

        var first = await _sam.Portal.SuggestAsync(Job(objectId));
        var refined = await _sam.Portal.SuggestAsync(Job(objectId, new WirePoint(70, 90, true)));
        var other = await _sam.Portal.SuggestAsync(Job(Guid.NewGuid()));

        Assert.DoesNotContain(true, first.Mask!.ToMask());
        Assert.DoesNotContain(false, refined.Mask!.ToMask());
        Assert.DoesNotContain(true, other.Mask!.ToMask());
    }

    [Fact]
    public async Task Embeddings_asked_of_a_classical_engine_are_refused_as_not_needed()
    {
        var result = await _sam.Portal.ComputeEmbeddingsAsync(new EmbeddingJob(Guid.NewGuid(), GrabCutBoxEngine.Name, _item, _sam.Volume, "CT", "axial", [12]));

        Assert.Equal(("grabcut-box needs no embeddings.", 0), (result.Error, result.ReadySlices.Count));
    }

    private SuggestionJob Job(Guid objectId, WirePoint? click = null, int slice = DemoCt.Slice) =>
        new(Guid.NewGuid(), Sam, _item, _sam.Volume, "CT",
            new WirePrompt(objectId, "axial", slice, 1, new WireBox(50, 60, 100, 120), click is null ? [] : [click], []));
}

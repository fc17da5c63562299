using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>
/// With an engine that needs image embeddings (the portal's default here), opening an item has its neighbouring
/// slices and the next queue item encoded ahead by the item's worker; the annotator hears which slices are ready.
/// </summary>
public sealed class EmbeddingPrecomputeTests(EmbeddingPrecomputeTests.EmbeddingPortal factory) : IClassFixture<EmbeddingPrecomputeTests.EmbeddingPortal>
{
    [Fact]
    public async Task Opening_an_item_encodes_its_neighbouring_slices_and_the_next_queue_item_and_tells_the_annotator_which_are_ready()
    {
        var world = await new SuggestionWorld(factory, "emb").CreateAsync();
        var open = await world.AssignedAsync("open", Volume(9, 1));
        var next = await world.AssignedAsync("next", Volume(9, 2));
        await using var worker = await FakeWorker.ConnectAsync(factory, "emb-1", "gpu-1", j => Task.FromResult(FakeWorker.Answer(j, new ML.Jobs.WireMask(16, 16, [256]))),
            [FakeWorker.Offer("fake-sam", needsEmbedding: true)], provider: "CUDA");
        await using var hub = await world.ConnectAsync();
        var pushed = new ConcurrentQueue<EmbeddingsReady>();
        hub.On<EmbeddingsReady>("EmbeddingsReady", pushed.Enqueue);

        await hub.InvokeAsync("Focus", open.ToString());
        await Eventually.TrueAsync(() => pushed.Any(p => p.ItemId == open) && pushed.Any(p => p.ItemId == next));
        var status = await hub.InvokeAsync<SuggestionStatus>("GetSuggestionStatus", open.ToString());

        // Middle slice 4 of 9, two each side (Suggestions:NeighbourSlices = 2), nearest first.
        var openJob = worker.EmbeddingJobs.Single(j => j.ItemId == open);
        Assert.Equal([4, 3, 5, 2, 6], openJob.Slices);
        Assert.Equal(("fake-sam", "axial"), (openJob.Engine, openJob.Orientation));
        Assert.Equal([2, 3, 4, 5, 6], worker.EmbeddingJobs.Single(j => j.ItemId == next).Slices.Order());
        Assert.Equal([2, 3, 4, 5, 6], pushed.Last(p => p.ItemId == open).Slices);
        Assert.Equal(("fake-sam", "CUDA", 1), (status.Engine, status.Provider, status.Workers));
        Assert.Equal([2, 3, 4, 5, 6], status.ReadySlices);

        // A new slice asks only for what is not ready yet; a worker that leaves takes its slices with it.
        await hub.InvokeAsync("ViewSlice", open.ToString(), "axial", 7);
        await Eventually.TrueAsync(() => worker.EmbeddingJobs.Count == 3);
        Assert.Equal([7, 8], worker.EmbeddingJobs.Last().Slices);
        await worker.Connection.StopAsync();
        await Eventually.TrueAsync(() => factory.Services.GetRequiredService<WorkerRegistry>().All.Count == 0);
        Assert.Empty((await hub.InvokeAsync<SuggestionStatus>("GetSuggestionStatus", open.ToString())).ReadySlices);
    }

    private static Imaging.Volumes.Volume Volume(int slices, int seed)
    {
        var geometry = new Imaging.Volumes.VolumeGeometry(16, 16, slices, new Imaging.Volumes.Vec3(1, 1, 1), new Imaging.Volumes.Vec3(0, 0, 0), Imaging.Volumes.Direction3.Identity);
        var voxels = Enumerable.Range(0, 16 * 16 * slices).Select(n => (float)((n * 13 + seed * 71) % 300)).ToArray();
        return Imaging.Volumes.Volume.FromFloat32(geometry, new Imaging.Volumes.VolumeMetadata { Modality = "CT" }, voxels);
    }

    /// <summary>The portal whose default engine needs embeddings, with two neighbours each side and one queue item ahead.</summary>
    public sealed class EmbeddingPortal : SuggestionPortal
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Suggestions:DefaultEngine"] = "fake-sam",
            ["Suggestions:NeighbourSlices"] = "2",
            ["Suggestions:QueueLookahead"] = "1",
        };
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Tests.Suggestions;
using Xunit.Abstractions;

namespace WeakSegPortal.Web.Tests.Propagation;

/// <summary>The annotation hub's Propagate stream (docs/suggestion-protocol.md, "Propagation"): through the web app's classical engine (axial, coronal, sagittal), refused for another's item, through a worker with the seed mask on the wire, and to the project's SAM engine as Suggest chooses it.</summary>
public sealed class PropagateHubTests(SuggestionPortal factory, ITestOutputHelper output) : IClassFixture<SuggestionPortal>
{
    private static object Request(Guid item, object box, string direction = "both", int? maxSlices = null) => new
    {
        requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = SuggestionWorld.DemoSlice, classId = 1,
        engine = (string?)null, box, direction, maxSlices,
    };

    private static async Task<List<JsonElement>> StreamAsync(HubConnection hub, object request)
    {
        var messages = new List<JsonElement>();
        await foreach (var m in hub.StreamAsync<JsonElement>("Propagate", request))
        {
            messages.Add(m);
        }
        return messages;
    }

    [Fact]
    public async Task Without_a_worker_a_box_on_the_demo_liver_streams_the_liver_slice_by_slice_and_stops_each_way()
    {
        var world = await new SuggestionWorld(factory, "pr-liver").CreateAsync();
        var (item, liver) = await world.DemoLiverAsync();
        await using var hub = await world.ConnectAsync();

        var messages = await StreamAsync(hub, Request(item, SuggestionWorld.Box(liver, SuggestionWorld.DemoSize)));

        Assert.Equal((SuggestionWorld.DemoSlice, 0, true), (messages[0].GetProperty("slice").GetInt32(), messages[0].GetProperty("direction").GetInt32(), messages[0].GetProperty("proposed").GetBoolean()));
        var proposed = messages.Where(m => m.GetProperty("proposed").GetBoolean()).ToList();
        Assert.All(proposed, m => Assert.Equal(("grabcut-box", "web"), (m.GetProperty("reply").GetProperty("engine").GetString(), m.GetProperty("reply").GetProperty("ranOn").GetString())));
        Assert.All(proposed.Skip(1), m => Assert.Equal(m.GetProperty("slice").GetInt32() - m.GetProperty("direction").GetInt32(), m.GetProperty("from").GetInt32()));
        var up = messages.Where(m => m.GetProperty("direction").GetInt32() > 0).ToList();
        var down = messages.Where(m => m.GetProperty("direction").GetInt32() < 0).ToList();
        Assert.Equal(Enumerable.Range(SuggestionWorld.DemoSlice + 1, up.Count), up.Select(m => m.GetProperty("slice").GetInt32()));
        Assert.Equal(Enumerable.Range(SuggestionWorld.DemoSlice - down.Count, down.Count).Reverse(), down.Select(m => m.GetProperty("slice").GetInt32()));
        Assert.True(up.Count >= 3 && down.Count >= 3, $"{up.Count} up, {down.Count} down");

        var demo = new DemoVolumeGenerator(1).CreateCt(SuggestionWorld.DemoSize, SuggestionWorld.DemoSlices);
        var dice = proposed.Select(m =>
        {
            var k = m.GetProperty("slice").GetInt32();
            var mask = m.GetProperty("reply").GetProperty("mask");
            var decoded = MaskRle.Decode(mask.GetProperty("counts").Deserialize<int[]>()!, mask.GetProperty("width").GetInt32(), mask.GetProperty("height").GetInt32());
            var truth = Array.ConvertAll(SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, k).Values, v => (int)v == 1);
            return Overlap.Dice(decoded, truth);
        }).ToList();
        output.WriteLine($"demo liver: {proposed.Count} slices proposed, Dice mean {dice.Average():0.000} min {dice.Min():0.000}; stops: {string.Join(" | ", messages.Where(m => !m.GetProperty("proposed").GetBoolean()).Select(m => $"{m.GetProperty("slice").GetInt32()}: {m.GetProperty("stop").GetString()}"))}");
        Assert.True(dice.Average() >= 0.85, $"mean Dice {dice.Average():0.000}");
    }

    [Theory]
    [InlineData("coronal")]
    [InlineData("sagittal")]
    public async Task On_a_reformat_a_box_on_the_demo_liver_walks_that_planes_slices_in_its_image_pixels(string plane)
    {
        var orientation = Enum.Parse<SliceOrientation>(plane, ignoreCase: true);
        var world = await new SuggestionWorld(factory, $"pr-{plane}").CreateAsync();
        // 72 slices: the liver spans 2/3 of the coronal image's height (on the 24-slice demo it fills it, and GrabCut has no background above and below).
        var demo = new DemoVolumeGenerator(5).CreateCt(96, 72);
        var item = await world.AssignedAsync($"demo-ct-{plane}", demo.Image);
        var (width, height, _, _) = SliceExtractor.Plane(demo.Labels, orientation);
        bool[] Liver(int slice) => Array.ConvertAll(SliceExtractor.Extract(demo.Labels, orientation, slice).Values, v => (int)v == 1);
        var start = Enumerable.Range(0, SliceExtractor.SliceCount(demo.Labels, orientation)).MaxBy(s => Liver(s).Count(v => v));
        await using var hub = await world.ConnectAsync();
        var request = new
        {
            requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = plane, slice = start, classId = 1,
            engine = (string?)null, box = SuggestionWorld.Box(Liver(start), width), direction = "both", maxSlices = 8,
        };

        var messages = await StreamAsync(hub, request);

        var proposed = messages.Where(m => m.GetProperty("proposed").GetBoolean()).ToList();
        Assert.Equal((start, 0), (proposed[0].GetProperty("slice").GetInt32(), proposed[0].GetProperty("direction").GetInt32()));
        var up = messages.Where(m => m.GetProperty("direction").GetInt32() > 0).ToList();
        var down = messages.Where(m => m.GetProperty("direction").GetInt32() < 0).ToList();
        Assert.Equal(Enumerable.Range(start + 1, up.Count), up.Select(m => m.GetProperty("slice").GetInt32()));
        Assert.Equal(Enumerable.Range(start - down.Count, down.Count).Reverse(), down.Select(m => m.GetProperty("slice").GetInt32()));
        // Eight slices each way: along coronal slices the classical engine moves onto the right kidney where the liver's
        // posterior end touches it, ~10 slices past the start (README, "On coronal and sagittal views"); this checks the plane's
        // slicing and pixels through the hub, not the stop rule.
        Assert.Equal(17, proposed.Count);
        var dice = proposed.Select(m =>
        {
            var mask = m.GetProperty("reply").GetProperty("mask");
            Assert.Equal((width, height), (mask.GetProperty("width").GetInt32(), mask.GetProperty("height").GetInt32()));
            var decoded = MaskRle.Decode(mask.GetProperty("counts").Deserialize<int[]>()!, width, height);
            return Overlap.Dice(decoded, Liver(m.GetProperty("slice").GetInt32()));
        }).ToList();
        output.WriteLine($"demo liver, {plane}: from slice {start}, {proposed.Count} slices proposed, Dice mean {dice.Average():0.000} min {dice.Min():0.000}; stops: {string.Join(" | ", messages.Where(m => !m.GetProperty("proposed").GetBoolean()).Select(m => $"{m.GetProperty("slice").GetInt32()}: {m.GetProperty("stop").GetString()}"))}");
        Assert.True(dice.Average() >= 0.85, $"mean Dice {dice.Average():0.000}");
    }

    [Fact]
    public async Task Another_annotators_item_gets_the_not_yours_answer_and_nothing_runs()
    {
        var world = await new SuggestionWorld(factory, "pr-other").CreateAsync();
        await using var hub = await world.ConnectAsync();

        var messages = await StreamAsync(hub, Request(Guid.NewGuid(), new { x0 = 1, y0 = 1, x1 = 9, y1 = 9 }));

        var only = Assert.Single(messages);
        Assert.Equal(AnnotationBatch.NotYours, only.GetProperty("stop").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("reply").ValueKind);
    }

    [Fact]
    public async Task Through_a_worker_each_step_carries_the_previous_slices_mask_and_slice_and_a_range_is_kept()
    {
        var world = await new SuggestionWorld(factory, "pr-worker").CreateAsync();
        var (item, liver) = await world.DemoLiverAsync();
        var square = new bool[SuggestionWorld.DemoSize * SuggestionWorld.DemoSize];
        for (var y = 60; y < 100; y++)
        {
            for (var x = 40; x < 80; x++)
            {
                square[(y * SuggestionWorld.DemoSize) + x] = true;
            }
        }
        var answer = WireMask.From(square, SuggestionWorld.DemoSize, SuggestionWorld.DemoSize);
        await using var worker = await FakeWorker.ConnectAsync(factory, "pr-w1", "gpu-1", j => Task.FromResult(FakeWorker.Answer(j, answer)), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var messages = await StreamAsync(hub, Request(item, SuggestionWorld.Box(liver, SuggestionWorld.DemoSize), maxSlices: 2));

        Assert.Equal([SuggestionWorld.DemoSlice, SuggestionWorld.DemoSlice + 1, SuggestionWorld.DemoSlice + 2, SuggestionWorld.DemoSlice - 1, SuggestionWorld.DemoSlice - 2],
            messages.Select(m => m.GetProperty("slice").GetInt32()));
        Assert.All(messages, m => Assert.Equal("gpu-1", m.GetProperty("reply").GetProperty("ranOn").GetString()));
        var jobs = worker.SuggestJobs.ToList();
        Assert.Equal(5, jobs.Count);
        Assert.Null(jobs[0].Prompt.SeedMask);
        Assert.All(jobs.Skip(1), j =>
        {
            Assert.Equal(answer.Counts, j.Prompt.SeedMask!.Counts);
            Assert.Equal(j.Prompt.Slice > SuggestionWorld.DemoSlice ? j.Prompt.Slice - 1 : j.Prompt.Slice + 1, j.Prompt.SeedSlice);
            Assert.Equal((39.5, 59.5, 79.5, 99.5), (j.Prompt.Box!.X0, j.Prompt.Box.Y0, j.Prompt.Box.X1, j.Prompt.Box.Y1));
            Assert.Equal(jobs[0].Prompt.ObjectId, j.Prompt.ObjectId);
        });
    }

    [Fact]
    public async Task The_projects_SAM_engine_is_the_one_asked_for_each_step_as_for_Suggest_from_a_mask_start()
    {
        const string sam = "sam-vit-b";
        var world = await new SuggestionWorld(factory, "pr-sam").CreateAsync();
        await world.ChooseEngineAsync(sam);
        var (item, liver) = await world.DemoLiverAsync();
        var answer = WireMask.From(liver, SuggestionWorld.DemoSize, SuggestionWorld.DemoSize);
        await using var worker = await FakeWorker.ConnectAsync(factory, "pr-sam-w1", "gpu-sam", j => Task.FromResult(FakeWorker.Answer(j, answer)), [FakeWorker.Offer(sam, needsEmbedding: true)]);
        await using var hub = await world.ConnectAsync();
        var request = new
        {
            requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = SuggestionWorld.DemoSlice, classId = 1,
            engine = (string?)null, mask = answer, direction = "up", maxSlices = 2,
        };

        var messages = await StreamAsync(hub, request);

        Assert.Equal([SuggestionWorld.DemoSlice + 1, SuggestionWorld.DemoSlice + 2], messages.Select(m => m.GetProperty("slice").GetInt32()));
        Assert.All(messages, m => Assert.Equal((sam, "gpu-sam"), (m.GetProperty("reply").GetProperty("engine").GetString(), m.GetProperty("reply").GetProperty("ranOn").GetString())));
        var jobs = worker.SuggestJobs.ToList();
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j =>
        {
            Assert.Equal(sam, j.Engine);
            Assert.Equal(answer.Counts, j.Prompt.SeedMask!.Counts);
            Assert.Equal(j.Prompt.Slice - 1, j.Prompt.SeedSlice);
            Assert.NotNull(j.Prompt.Box);
        });
    }
}

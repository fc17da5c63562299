using WeakSegPortal.Core.Agreement;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>Suggest jobs through the hub on the demo CT: masks, refusals with their reasons, the volume cache.</summary>
public sealed class WorkerSuggestionTests : IAsyncLifetime
{
    private const string Token = "machine-token-0123456789abcdef";
    private StandInPortal _portal = null!;
    private WorkerUnderTest _worker = null!;
    private string _volume = "";

    public async Task InitializeAsync()
    {
        _portal = await StandInPortal.StartAsync(Token);
        _volume = await _portal.ServeAsync(DemoCt.Volume.Image);
        _worker = WorkerUnderTest.Create(_portal.Url, Token);
        await _worker.StartAsync();
        await _portal.Announcements.WaitForAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_tight_box_around_a_demo_organ_comes_back_as_a_mask_with_Dice_at_least_0_85(int labelId)
    {
        var truth = DemoCt.Truth(labelId);
        var (x0, y0, x1, y1) = DemoCt.TightBox(truth);

        var result = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, new WireBox(x0, y0, x1, y1), []));

        Assert.True(result.Ok, result.Error);
        Assert.Equal((GrabCutBoxEngine.Name, "1", "OpenCV"), (result.Engine, result.EngineVersion, result.Provider));
        Assert.Equal((192, 192), (result.Mask!.Width, result.Mask.Height));
        var dice = Overlap.Dice(result.Mask.ToMask(), truth);
        Assert.True(dice >= 0.85, $"Dice {dice:F3} for label {labelId}");
    }

    [Fact]
    public async Task Jobs_on_one_volume_fetch_it_from_the_portal_once()
    {
        var (x0, y0, x1, y1) = DemoCt.TightBox(DemoCt.Truth(2));

        await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, new WireBox(x0, y0, x1, y1), []));
        var second = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, new WireBox(x0, y0, x1, y1), []));

        Assert.True(second.Ok, second.Error);
        Assert.Equal(1, _portal.VolumeRequests);
    }

    [Fact]
    public async Task A_prompt_the_engine_refuses_comes_back_not_ok_with_the_engine_s_reason()
    {
        var result = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, null, [new WirePoint(60, 80, true)]));

        Assert.False(result.Ok);
        Assert.Null(result.Mask);
        Assert.Equal($"{GrabCutBoxEngine.Name} needs a box; for clicks or scribbles alone use {SeededGrabCutEngine.Name}.", result.Error);
    }

    [Fact]
    public async Task An_engine_the_worker_lacks_a_volume_the_portal_lacks_and_a_slice_outside_the_item_are_refused_with_the_reason()
    {
        var box = new WireBox(10, 10, 40, 40);

        var engine = await _portal.SuggestAsync(Job("mobilesam", box, []));
        var volume = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, box, []) with { VolumeHash = new string('0', 64) });
        var slice = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, box, [], slice: 24));

        Assert.Equal("This worker offers no engine 'mobilesam' (it offers grabcut-box, grabcut-seeded, project-model).", engine.Error);
        Assert.Equal($"The portal has no volume {new string('0', 64)}.", volume.Error);
        Assert.Equal("Slice 24 is outside the item's 24 axial slices.", slice.Error);
        Assert.All([engine, volume, slice], r => Assert.False(r.Ok));
    }

    [Fact]
    public async Task A_volume_whose_bytes_do_not_hash_to_its_name_is_refused()
    {
        var key = new string('a', 64);
        _portal.ServeDamaged(key, [1, 2, 3]);

        var result = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, new WireBox(10, 10, 40, 40), []) with { VolumeHash = key });

        Assert.False(result.Ok);
        Assert.Equal($"Volume {key} arrived damaged: its bytes do not hash to its name.", result.Error);
    }

    [Fact]
    public async Task A_job_the_portal_cancels_comes_back_not_ok_saying_so_while_other_jobs_go_on()
    {
        _portal.HoldVolumes();
        var held = Job(GrabCutBoxEngine.Name, new WireBox(10, 10, 40, 40), []);
        var pending = _portal.SuggestAsync(held);
        await _portal.VolumeAsked;

        await _portal.CancelJobAsync(held.JobId);
        var cancelled = await pending;
        _portal.ReleaseVolumes();
        var (x0, y0, x1, y1) = DemoCt.TightBox(DemoCt.Truth(2));
        var next = await _portal.SuggestAsync(Job(GrabCutBoxEngine.Name, new WireBox(x0, y0, x1, y1), []));

        Assert.Equal((false, "The portal cancelled this job."), (cancelled.Ok, cancelled.Error));
        Assert.True(next.Ok, next.Error);
    }

    private SuggestionJob Job(string engine, WireBox? box, IReadOnlyList<WirePoint> points, int slice = DemoCt.Slice) =>
        new(Guid.NewGuid(), engine, Guid.NewGuid(), _volume, "CT", new WirePrompt(Guid.NewGuid(), "axial", slice, 1, box, points, []));
}

using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Propagation;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>
/// Propagation through a SAM-family engine where suggestions run, the worker (issue 15, item 2): each step is an ordinary
/// suggestion job whose prompt is <see cref="PropagationPrompt.Step"/> (the previous slice's box and mask). The first step
/// from a given mask has no low-resolution mask kept, so the engine makes mask_input from the seed mask; later steps find
/// the decoder's own low-resolution mask of the previous slice under the prompt's seedSlice. With the tracking test decoder
/// (bright pixels near the mask prompt, nothing without one) the run follows the object and stops where it ends.
/// </summary>
public sealed class WorkerSamPropagationTests : IAsyncLifetime
{
    private const string Sam = "sam-tracking";
    private readonly TrackedBallVolume _ball = new();
    private readonly Guid _item = Guid.NewGuid();
    private SamWorker _sam = null!;

    public async Task InitializeAsync() => _sam = await SamWorker.StartAsync(Sam, "tracking-1", _ball.ToVolume(), tracking: true);

    public async Task DisposeAsync() => await _sam.DisposeAsync();

    [Fact]
    public async Task A_mask_propagates_through_the_SAM_worker_slice_by_slice_and_stops_where_the_object_ends() =>
        await PropagatesAndStopsAsync(_sam, "axial");

    [Theory]
    [InlineData("coronal")]
    [InlineData("sagittal")]
    public async Task On_a_reformat_a_mask_propagates_through_the_SAM_worker_along_that_planes_slices(string plane)
    {
        // The ball laid along the plane: the worker cuts each step's image along it, and keeps the decoder's low-resolution
        // masks under that orientation, so the run follows the ball across coronal (sagittal) slices as it does across axial ones.
        await using var sam = await SamWorker.StartAsync(Sam, $"tracking-{plane}", _ball.Along(Enum.Parse<SliceOrientation>(plane, ignoreCase: true)), tracking: true);
        await PropagatesAndStopsAsync(sam, plane);
    }

    private async Task PropagatesAndStopsAsync(SamWorker sam, string orientation)
    {
        var objectId = Guid.NewGuid();
        var (width, height) = (TrackedBallVolume.Width, TrackedBallVolume.Height);
        var range = PropagationRange.Within(TrackedBallVolume.Centre, TrackedBallVolume.Slices);
        var steps = new List<PropagationStep<SuggestionJobResult>>();
        await foreach (var step in SlicePropagation.RunAsync<SuggestionJobResult>(range, _ball.Truth(TrackedBallVolume.Centre), _ball.Image(TrackedBallVolume.Centre).Values, async (slice, from, previous, ct) =>
        {
            var prompt = PropagationPrompt.Step(objectId, orientation, slice, 1, from, previous, width, height);
            var result = await sam.Portal.SuggestAsync(new SuggestionJob(Guid.NewGuid(), Sam, _item, sam.Volume, "CT", prompt));
            return (result, result is { Ok: true, Mask: { } m } ? m.ToMask() : null, _ball.Image(slice).Values);
        }, CancellationToken.None))
        {
            steps.Add(step);
        }

        var proposed = steps.Where(s => s.Proposed).ToList();
        Assert.All(steps, s => Assert.True(s.Answer.Ok, s.Answer.Error));
        Assert.All(steps, s => Assert.Equal((Sam, 2.5), (s.Answer.Engine, s.Answer.Score)));
        Assert.NotNull(steps.Last(s => s.Direction > 0).Stop);
        Assert.NotNull(steps.Last(s => s.Direction < 0).Stop);
        Assert.All(proposed, s => Assert.Contains(true, _ball.Truth(s.Slice)));
        Assert.InRange(proposed.Max(s => s.Slice), TrackedBallVolume.Centre + 6, TrackedBallVolume.Centre + 8);
        Assert.InRange(proposed.Min(s => s.Slice), TrackedBallVolume.Centre - 8, TrackedBallVolume.Centre - 6);
        var dice = proposed.Select(s => Overlap.Dice(s.Mask!, _ball.Truth(s.Slice))).ToList();
        Assert.True(dice.Average() >= 0.85, $"mean Dice {dice.Average():F3}: {string.Join(" ", dice.Select(d => d.ToString("F3")))}");
    }
}

using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Propagation;
using WeakSegPortal.ML.Suggestions;
using Xunit.Abstractions;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>Propagation with the classical engine on a synthetic volume whose masks are known (issue 15, item 7).</summary>
public sealed class SlicePropagationTests(ITestOutputHelper output)
{
    private readonly GrabCutBoxEngine _engine = new();

    [Fact]
    public async Task From_one_box_the_classical_engine_propagates_ten_slices_at_dice_085_or_better()
    {
        var blob = new SyntheticBlob();
        var start = await StartFromBox(blob);
        var range = PropagationRange.Within(SyntheticBlob.Centre, SyntheticBlob.Slices, last: SyntheticBlob.Centre + 10, down: false);
        var steps = await Run(blob, range, start);

        var dice = steps.Where(s => s.Proposed).Select(s => Overlap.Dice(s.Mask!, blob.Truth(s.Slice))).ToList();
        output.WriteLine($"start slice Dice {Overlap.Dice(start, blob.Truth(SyntheticBlob.Centre)):F3}; per slice {string.Join(" ", dice.Select(d => d.ToString("F3")))}; mean {dice.DefaultIfEmpty().Average():F3}");
        output.WriteLine(string.Join("; ", steps.Select(s => $"{s.Slice}: {s.Mask?.Count(m => m)}/{blob.Truth(s.Slice).Count(t => t)} {s.Stop}")));
        Assert.Equal(10, steps.Count(s => s.Proposed));
        Assert.True(dice.Average() >= 0.85, $"mean Dice over 10 propagated slices {dice.Average():F3}");
    }

    [Fact]
    public async Task Both_ways_it_stops_where_the_object_ends_and_proposes_nothing_beyond()
    {
        var blob = new SyntheticBlob(seed: 11);
        var start = await StartFromBox(blob);
        var steps = await Run(blob, PropagationRange.Within(SyntheticBlob.Centre, SyntheticBlob.Slices), start);

        var up = steps.Where(s => s.Direction > 0).ToList();
        var down = steps.Where(s => s.Direction < 0).ToList();
        Assert.NotNull(up[^1].Stop);
        Assert.NotNull(down[^1].Stop);
        var lastUp = up.Where(s => s.Proposed).Max(s => s.Slice);
        var lastDown = down.Where(s => s.Proposed).Min(s => s.Slice);
        output.WriteLine($"up: proposed to {lastUp}, stopped at {up[^1].Slice} ({up[^1].Stop}); down: proposed to {lastDown}, stopped at {down[^1].Slice} ({down[^1].Stop}); object on {SyntheticBlob.Centre - 11}…{SyntheticBlob.Centre + 11}");
        // The object covers slices Centre ± 11 (the ellipsoid's tips are a few pixels); nothing is proposed outside it,
        // and the run goes on until the object is under ~40 pixels.
        Assert.InRange(lastUp, blob.LastSliceUpWith(40), SyntheticBlob.Centre + 11);
        Assert.InRange(lastDown, SyntheticBlob.Centre - 11, (2 * SyntheticBlob.Centre) - blob.LastSliceUpWith(40));
        Assert.All(steps.Where(s => s.Proposed), s => Assert.Contains(true, blob.Truth(s.Slice)));
    }

    [Fact]
    public async Task A_chosen_range_is_not_left()
    {
        var blob = new SyntheticBlob();
        var start = await StartFromBox(blob);
        var steps = await Run(blob, PropagationRange.Within(SyntheticBlob.Centre, SyntheticBlob.Slices, first: 13, last: 17), start);
        Assert.Equal([16, 17, 14, 13], steps.Select(s => s.Slice));
        Assert.All(steps, s => Assert.True(s.Proposed, s.Stop));
    }

    private async Task<bool[]> StartFromBox(SyntheticBlob blob)
    {
        var truth = blob.Truth(SyntheticBlob.Centre);
        var box = SeedBox.Of(truth, SyntheticBlob.Width, SyntheticBlob.Centre, 1)!;
        var drawn = box with { X0 = box.X0 - 2, Y0 = box.Y0 - 2, X1 = box.X1 + 2, Y1 = box.Y1 + 2 };
        var answer = await _engine.SuggestAsync(new SuggestionPrompt(blob.Image(SyntheticBlob.Centre), 1) { Box = drawn }, CancellationToken.None);
        return answer.Mask;
    }

    private async Task<List<PropagationStep<double>>> Run(SyntheticBlob blob, PropagationRange range, bool[] start)
    {
        var steps = new List<PropagationStep<double>>();
        await foreach (var step in SlicePropagation.RunAsync(range, start, blob.Values(range.Start), async (slice, from, previous, ct) =>
        {
            var prompt = new SuggestionPrompt(blob.Image(slice), 1) { Box = SeedBox.Of(previous, SyntheticBlob.Width, slice, 1), SeedMask = previous };
            var answer = await _engine.SuggestAsync(prompt, ct);
            return (answer.Score, answer.Mask, blob.Values(slice));
        }, CancellationToken.None))
        {
            steps.Add(step);
        }
        return steps;
    }
}

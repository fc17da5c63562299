using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Propagation;
using WeakSegPortal.ML.Suggestions;
using Xunit.Abstractions;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>
/// Propagation on coronal and sagittal views (issue 15, item 2) with the classical engine: the object is laid along the plane
/// (<see cref="AlongPlane"/>), each step's image is cut out of the volume along that plane (<see cref="PromptImage.FromVolume"/>,
/// the suggestion path's own cut), and the run walks that plane's slices (j for coronal, i for sagittal).
/// </summary>
public sealed class ReformatPropagationTests(ITestOutputHelper output)
{
    private readonly GrabCutBoxEngine _engine = new();

    [Theory]
    [InlineData(SliceOrientation.Coronal)]
    [InlineData(SliceOrientation.Sagittal)]
    public async Task From_one_box_on_a_reformat_the_classical_engine_propagates_ten_slices_of_that_plane_at_dice_085_or_better(SliceOrientation plane)
    {
        var blob = new SyntheticBlob();
        var volume = AlongPlane.Lay(blob.Values, SyntheticBlob.Width, SyntheticBlob.Height, SyntheticBlob.Slices, plane, "MR");
        Assert.Equal(SyntheticBlob.Slices, SliceExtractor.SliceCount(volume, plane));
        Assert.Equal(blob.Values(SyntheticBlob.Centre + 3), Image(volume, plane, SyntheticBlob.Centre + 3).Values);

        var start = await StartFromBox(volume, plane, blob);
        var range = PropagationRange.Within(SyntheticBlob.Centre, SyntheticBlob.Slices, last: SyntheticBlob.Centre + 10, down: false);
        var steps = await Run(volume, plane, range, start);

        var dice = steps.Where(s => s.Proposed).Select(s => Overlap.Dice(s.Mask!, blob.Truth(s.Slice))).ToList();
        output.WriteLine($"{plane}: Dice per slice {string.Join(" ", dice.Select(d => d.ToString("F3")))}; mean {dice.DefaultIfEmpty().Average():F3}");
        Assert.Equal(Enumerable.Range(SyntheticBlob.Centre + 1, 10), steps.Where(s => s.Proposed).Select(s => s.Slice));
        Assert.True(dice.Average() >= 0.85, $"mean Dice over 10 propagated {plane} slices {dice.Average():F3}");
    }

    [Theory]
    [InlineData(SliceOrientation.Coronal)]
    [InlineData(SliceOrientation.Sagittal)]
    public async Task On_a_reformat_both_ways_stop_where_the_object_ends(SliceOrientation plane)
    {
        var blob = new SyntheticBlob(seed: 11);
        var volume = AlongPlane.Lay(blob.Values, SyntheticBlob.Width, SyntheticBlob.Height, SyntheticBlob.Slices, plane, "MR");
        var start = await StartFromBox(volume, plane, blob);

        var steps = await Run(volume, plane, PropagationRange.Within(SyntheticBlob.Centre, SyntheticBlob.Slices), start);

        var proposed = steps.Where(s => s.Proposed).ToList();
        output.WriteLine($"{plane}: proposed {proposed.Min(s => s.Slice)}…{proposed.Max(s => s.Slice)}; stops {string.Join(" | ", steps.Where(s => !s.Proposed).Select(s => $"{s.Slice}: {s.Stop}"))}");
        Assert.NotNull(steps.Last(s => s.Direction > 0).Stop);
        Assert.NotNull(steps.Last(s => s.Direction < 0).Stop);
        Assert.All(proposed, s => Assert.Contains(true, blob.Truth(s.Slice)));
        Assert.InRange(proposed.Max(s => s.Slice), blob.LastSliceUpWith(40), SyntheticBlob.Centre + 11);
        Assert.InRange(proposed.Min(s => s.Slice), SyntheticBlob.Centre - 11, (2 * SyntheticBlob.Centre) - blob.LastSliceUpWith(40));
    }

    [Fact]
    public async Task On_the_demo_ct_coronal_the_liver_run_stops_where_the_liver_hands_over_to_the_kidney_by_its_intensity()
    {
        // The E2E test's case: the liver (60 HU) touches the right kidney (150 HU) at its posterior end, and on coronal slices
        // the classical engine slides from one to the other over a few slices, each step close to the last (area and Dice
        // against the previous slice pass); the mask's median intensity against the start slice's liver catches it.
        const int size = 96, slices = 72;
        var demo = new DemoVolumeGenerator(5).CreateCt(size, slices);
        bool[] Liver(int j) => Array.ConvertAll(SliceExtractor.Extract(demo.Labels, SliceOrientation.Coronal, j).Values, v => (int)v == 1);
        var start = Enumerable.Range(0, size).MaxBy(j => Liver(j).Count(v => v));
        var box = SeedBox.Of(Liver(start), size, start, 1)!;
        var drawn = box with { X0 = box.X0 - 2, Y0 = Math.Max(-0.5, box.Y0 - 1), X1 = box.X1 + 2, Y1 = Math.Min(slices - 0.5, box.Y1 + 1) };
        var first = await _engine.SuggestAsync(new SuggestionPrompt(Image(demo.Image, SliceOrientation.Coronal, start), 1) { Box = drawn }, CancellationToken.None);

        var steps = await Run(demo.Image, SliceOrientation.Coronal, PropagationRange.Within(start, size), first.Mask);

        var proposed = steps.Where(s => s.Proposed).Select(s => (s.Slice, Dice: Overlap.Dice(s.Mask!, Liver(s.Slice)))).ToList();
        var up = steps.Last(s => s.Direction > 0);
        var lastLiver = Enumerable.Range(start, size - start).Last(j => Liver(j).Contains(true));
        output.WriteLine($"demo CT coronal from j={start}: proposed {proposed.Min(p => p.Slice)}…{proposed.Max(p => p.Slice)}, the liver ends up at {lastLiver}; " +
            $"Dice {string.Join(" ", proposed.OrderBy(p => p.Slice).Select(p => $"{p.Slice}:{p.Dice:F2}"))}; stops {string.Join(" | ", steps.Where(s => !s.Proposed).Select(s => $"{s.Slice}: {s.Stop}"))}");
        Assert.StartsWith("The mask's intensity moved from", up.Stop);
        Assert.InRange(up.Slice, lastLiver - 3, lastLiver);
        Assert.All(proposed, p => Assert.True(p.Dice >= 0.75, $"slice {p.Slice}: Dice {p.Dice:F2} with the liver"));
        Assert.True(proposed.Average(p => p.Dice) >= 0.9, $"mean Dice {proposed.Average(p => p.Dice):F3}");
    }

    private static PromptImage Image(Volume volume, SliceOrientation plane, int slice) => PromptImage.FromVolume("blob", volume, plane, slice);

    private async Task<bool[]> StartFromBox(Volume volume, SliceOrientation plane, SyntheticBlob blob)
    {
        var box = SeedBox.Of(blob.Truth(SyntheticBlob.Centre), SyntheticBlob.Width, SyntheticBlob.Centre, 1)!;
        var drawn = box with { X0 = box.X0 - 2, Y0 = box.Y0 - 2, X1 = box.X1 + 2, Y1 = box.Y1 + 2 };
        var answer = await _engine.SuggestAsync(new SuggestionPrompt(Image(volume, plane, SyntheticBlob.Centre), 1) { Box = drawn }, CancellationToken.None);
        return answer.Mask;
    }

    private async Task<List<PropagationStep<double>>> Run(Volume volume, SliceOrientation plane, PropagationRange range, bool[] start)
    {
        var steps = new List<PropagationStep<double>>();
        await foreach (var step in SlicePropagation.RunAsync(range, start, Image(volume, plane, range.Start).Values, async (slice, from, previous, ct) =>
        {
            var image = Image(volume, plane, slice);
            var answer = await _engine.SuggestAsync(new SuggestionPrompt(image, 1) { Box = SeedBox.Of(previous, image.Width, slice, 1), SeedMask = previous }, ct);
            return (answer.Score, answer.Mask, image.Values);
        }, CancellationToken.None))
        {
            steps.Add(step);
        }
        return steps;
    }
}

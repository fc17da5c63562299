using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Propagation;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;
using Xunit.Abstractions;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>
/// Propagation through a SAM-family engine (issue 15, item 2): each step's prompt is the previous slice's box and its mask
/// as mask_input, and the stop rule is the classical one. The decoder is the tracking test decoder
/// (<see cref="SamTestModels.Tracking"/>: the bright pixels near the mask prompt, nothing without one), so the figures here
/// show that the prompt lines up with the slice (frame, padding, box corners, mask grid), not how good SAM is.
/// </summary>
[CoversEngine(EngineKinds.SamOnnx)]
public sealed class SamPropagationTests(ITestOutputHelper output) : IDisposable
{
    private static readonly OnnxSessionFactory CpuOnly = new() { PreferCuda = false };
    private readonly TempFolder _temp = new();
    private readonly TrackedBallVolume _volume = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_step_prompts_the_decoder_with_the_previous_slices_box_and_its_mask_as_mask_input()
    {
        using var engine = Load(SamFamily.Sam);
        var frame = SamFrame.For(engine.Profile, TrackedBallVolume.Width, TrackedBallVolume.Height);
        var fed = new List<(int Slice, SamDecoderPrompt Prompt, float[] MaskInput, bool[] Previous)>();

        var steps = await RunAsync(engine, PropagationRange.Within(TrackedBallVolume.Centre, TrackedBallVolume.Slices, maxSlices: 4), prompt =>
            fed.Add((prompt.Image.SliceIndex, SamPromptEncoder.Encode(prompt, engine.Profile, frame), SamMaskInput.FromSliceMask(prompt.SeedMask!, frame, engine.Profile), prompt.SeedMask!)));

        Assert.Equal(8, steps.Count(s => s.Proposed));
        foreach (var (slice, prompt, maskInput, previous) in fed)
        {
            var from = steps.Single(s => s.Slice == slice).From;
            var expected = from == TrackedBallVolume.Centre ? _volume.Truth(from) : steps.Single(s => s.Slice == from).Mask!;
            Assert.Equal(expected, previous);
            // The box: the previous mask's bounding box (pixel edges), corners labelled 2 and 3, in the encoder's frame.
            var box = SeedBox.Of(previous, TrackedBallVolume.Width, slice, 1)!;
            var (x0, y0) = frame.ToInput(box.X0, box.Y0);
            var (x1, y1) = frame.ToInput(box.X1, box.Y1);
            Assert.Equal(new[] { x0, y0, x1, y1 }, prompt.Coords);
            Assert.Equal(new[] { SamPromptEncoder.BoxTopLeft, SamPromptEncoder.BoxBottomRight }, prompt.Labels);
            // The mask: set where the previous mask is, unset elsewhere on the slice, 0 on the frame's padding.
            Assert.Equal(SamMaskInput.Logit, maskInput[Cell(frame, 30, 28)]);
            Assert.Equal(-SamMaskInput.Logit, maskInput[Cell(frame, 66, 14)]);
            Assert.Equal(0f, maskInput[(255 * 256) + 10]);
        }

        // What the decoder answered shows the same prompt went in: iou_predictions = the mean label (a box alone: 2.5), and
        // a mask at all only with has_mask_input = 1, at the previous mask's place (the rod beside it never joins).
        Assert.All(steps, s => Assert.Equal(2.5, s.Answer.Score, 5));
        Assert.All(steps.Where(s => s.Proposed), s => Assert.DoesNotContain(s.Mask!.Select((m, n) => m && _volume.Rod[n]), m => m));
    }

    [Fact]
    public async Task From_a_mask_it_follows_the_object_both_ways_and_stops_where_it_ends_with_its_dice_against_the_truth()
    {
        using var engine = Load(SamFamily.Sam);

        var steps = await RunAsync(engine, PropagationRange.Within(TrackedBallVolume.Centre, TrackedBallVolume.Slices), _ => { });

        var proposed = steps.Where(s => s.Proposed).ToList();
        var dice = proposed.Select(s => Overlap.Dice(s.Mask!, _volume.Truth(s.Slice))).ToList();
        var up = steps.Where(s => s.Direction > 0).ToList();
        var down = steps.Where(s => s.Direction < 0).ToList();
        output.WriteLine(string.Join("; ", steps.Select(s => $"{s.Slice}: {s.Mask?.Count(m => m)}/{_volume.Truth(s.Slice).Count(t => t)} px {s.Stop}")));
        output.WriteLine($"Dice per slice {string.Join(" ", dice.Select(d => d.ToString("F3")))}; mean {dice.Average():F3}, min {dice.Min():F3}");
        // The object is on slices Centre ± 8; both directions end with a stop (none runs to the volume's edge), nothing is
        // proposed where the object is not, and each run gets to within two slices of its end.
        Assert.NotNull(up[^1].Stop);
        Assert.NotNull(down[^1].Stop);
        Assert.All(proposed, s => Assert.Contains(true, _volume.Truth(s.Slice)));
        Assert.InRange(proposed.Max(s => s.Slice), TrackedBallVolume.Centre + 6, TrackedBallVolume.Centre + 8);
        Assert.InRange(proposed.Min(s => s.Slice), TrackedBallVolume.Centre - 8, TrackedBallVolume.Centre - 6);
        Assert.True(dice.Average() >= 0.85, $"mean Dice {dice.Average():F3}");
    }

    [Fact]
    public async Task Without_the_seed_mask_the_same_box_gives_the_tracking_decoder_nothing_so_the_mask_prompt_is_what_propagates()
    {
        using var engine = Load(SamFamily.Sam);
        var start = _volume.Truth(TrackedBallVolume.Centre);
        var step = PropagationPrompt.Step(Guid.NewGuid(), "axial", TrackedBallVolume.Centre + 1, 1, TrackedBallVolume.Centre, start, TrackedBallVolume.Width, TrackedBallVolume.Height);

        var withMask = await engine.SuggestAsync(Read(step), CancellationToken.None);
        var boxOnly = await engine.SuggestAsync(Read(step) with { SeedMask = null }, CancellationToken.None);

        Assert.True(withMask.Mask.Count(m => m) > 300);
        Assert.DoesNotContain(true, boxOnly.Mask);
    }

    [Fact]
    public async Task A_box_only_family_propagates_from_the_box_alone()
    {
        using var engine = Load(SamFamily.MedSam);
        var step = PropagationPrompt.Step(Guid.NewGuid(), "axial", TrackedBallVolume.Centre + 1, 1, TrackedBallVolume.Centre,
            _volume.Truth(TrackedBallVolume.Centre), TrackedBallVolume.Width, TrackedBallVolume.Height);

        var answer = await engine.SuggestAsync(Read(step), CancellationToken.None);

        // MedSAM takes no mask prompt: has_mask_input stays 0, and the tracking decoder then answers nothing.
        Assert.Equal(2.5, answer.Score, 5);
        Assert.DoesNotContain(true, answer.Mask);
    }

    private async Task<List<PropagationStep<Suggestion>>> RunAsync(SamEngine engine, PropagationRange range, Action<SuggestionPrompt> seen)
    {
        var objectId = Guid.NewGuid();
        var steps = new List<PropagationStep<Suggestion>>();
        await foreach (var step in SlicePropagation.RunAsync<Suggestion>(range, _volume.Truth(TrackedBallVolume.Centre), _volume.Image(TrackedBallVolume.Centre).Values, async (slice, from, previous, ct) =>
        {
            var prompt = Read(PropagationPrompt.Step(objectId, "axial", slice, 1, from, previous, TrackedBallVolume.Width, TrackedBallVolume.Height));
            seen(prompt);
            var answer = await engine.SuggestAsync(prompt, ct);
            return (answer, answer.Mask, prompt.Image.Values);
        }, CancellationToken.None))
        {
            steps.Add(step);
        }

        return steps;
    }

    /// <summary>The step's prompt as the worker reads it off the wire (no low-resolution mask kept: the seed mask stands in).</summary>
    private SuggestionPrompt Read(WirePrompt prompt) => new(_volume.Image(prompt.Slice), prompt.ClassId)
    {
        Box = new Box2D(prompt.Box!.X0, prompt.Box.Y0, prompt.Box.X1, prompt.Box.Y1, prompt.Slice, prompt.ClassId),
        SeedMask = prompt.SeedMask!.ToMask(),
    };

    /// <summary>The mask_input cell over slice pixel (x, y).</summary>
    private static int Cell(SamFrame frame, int x, int y)
    {
        var (fx, fy) = frame.ToInput(x + 0.5, y + 0.5);
        return ((int)(fy / 4) * 256) + (int)(fx / 4);
    }

    private SamEngine Load(SamFamily family) =>
        SamEngine.Load(family.ToString().ToLowerInvariant(), new SamTestModels(_temp.Path) { Tracking = true }.Write(family), CpuOnly,
            new TieredEmbeddingCache(new MemoryEmbeddingCache(1L << 30), null));
}

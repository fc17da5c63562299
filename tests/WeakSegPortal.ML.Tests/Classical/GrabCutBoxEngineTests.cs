using WeakSegPortal.Core.Agreement;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;
using Xunit.Abstractions;

namespace WeakSegPortal.ML.Tests.Classical;

[CoversEngine(EngineKinds.GrabCutBox)]
public sealed class GrabCutBoxEngineTests(ITestOutputHelper output)
{
    private readonly GrabCutBoxEngine _engine = new();

    [Fact]
    public async Task A_tight_box_reaches_Dice_085_on_every_demo_organ()
    {
        var scores = new List<(DemoOrgan Organ, double Dice)>();
        foreach (var organ in DemoOrgans.Cases)
        {
            var prompt = new SuggestionPrompt(organ.Image, organ.LabelId) { Box = organ.TightBox(DemoOrgans.Slice) };
            var suggestion = await _engine.SuggestAsync(prompt, CancellationToken.None);
            scores.Add((organ, Overlap.Dice(suggestion.Mask, organ.Truth)));
        }

        foreach (var (organ, dice) in scores)
        {
            output.WriteLine($"{organ}: Dice {dice:0.000}");
        }

        Assert.All(scores, s => Assert.True(s.Dice >= 0.85, $"{s.Organ}: Dice {s.Dice:0.000}"));
    }

    /// <summary>
    /// The box an annotator drags around the demo liver (demo-ct-01, slice 12) lands a few pixels outside it, past the
    /// body's edge: the air that came into the box pinned the contrast stretch and GrabCut returned an empty mask.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public async Task A_box_drawn_a_few_pixels_past_the_body_edge_around_the_demo_liver_still_finds_it(double margin)
    {
        var organ = DemoOrgans.Cases.First(o => o.Organ == "liver" && o.Case == "demo-ct-01");
        var tight = organ.TightBox(DemoOrgans.Slice);
        var box = tight with { X0 = tight.X0 - margin, Y0 = tight.Y0 - margin, X1 = tight.X1 + margin, Y1 = tight.Y1 + margin };

        var suggestion = await _engine.SuggestAsync(new SuggestionPrompt(organ.Image, organ.LabelId) { Box = box }, CancellationToken.None);

        var dice = Overlap.Dice(suggestion.Mask, organ.Truth);
        output.WriteLine($"{organ}, box {margin} px outside: Dice {dice:0.000}, score {suggestion.Score:0.000}");
        Assert.True(dice >= 0.9, $"Dice {dice:0.000}");
    }

    [Fact]
    public async Task A_box_prompt_is_needed()
    {
        var organ = DemoOrgans.Cases[0];

        var error = await Assert.ThrowsAsync<PromptNotSupportedException>(() =>
            _engine.SuggestAsync(new SuggestionPrompt(organ.Image, organ.LabelId), CancellationToken.None));

        Assert.Contains("needs a box", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_outside_the_box_is_foreground()
    {
        var organ = DemoOrgans.Cases.First(o => o.Organ == "liver");
        var box = organ.TightBox(DemoOrgans.Slice) with { X1 = organ.TightBox(DemoOrgans.Slice).X0 + 20 };

        var suggestion = await _engine.SuggestAsync(new SuggestionPrompt(organ.Image, organ.LabelId) { Box = box }, CancellationToken.None);

        for (var n = 0; n < suggestion.Mask.Length; n++)
        {
            Assert.False(suggestion.Mask[n] && (n % suggestion.Width < box.MinX || n % suggestion.Width > box.MaxX), $"pixel {n} outside the box");
        }
    }

    [Fact]
    public async Task A_box_over_the_whole_slice_still_gives_a_mask()
    {
        var organ = DemoOrgans.Cases.First(o => o.Organ == "kidney_left");
        var whole = new WeakSegPortal.Core.Labels.Box2D(-0.5, -0.5, organ.Image.Width - 0.5, organ.Image.Height - 0.5, DemoOrgans.Slice);

        var suggestion = await _engine.SuggestAsync(new SuggestionPrompt(organ.Image, organ.LabelId) { Box = whole }, CancellationToken.None);

        Assert.Equal(organ.Image.Width * organ.Image.Height, suggestion.Mask.Length);
    }
}

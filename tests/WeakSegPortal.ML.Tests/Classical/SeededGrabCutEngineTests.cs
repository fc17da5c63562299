using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;
using Xunit.Abstractions;

namespace WeakSegPortal.ML.Tests.Classical;

[CoversEngine(EngineKinds.GrabCutSeeded)]
public sealed class SeededGrabCutEngineTests(ITestOutputHelper output)
{
    private readonly SeededGrabCutEngine _engine = new();

    [Fact]
    public async Task One_click_at_the_deepest_point_segments_the_kidneys_and_the_tumour()
    {
        var scores = new List<(DemoOrgan Organ, double Dice)>();
        foreach (var organ in DemoOrgans.Cases.Where(o => o.Organ != "liver"))
        {
            var click = organ.DeepestPoint();
            var prompt = new SuggestionPrompt(organ.Image, organ.LabelId) { Points = [new LabelPoint(click.X, click.Y, DemoOrgans.Slice, organ.LabelId)] };
            var suggestion = await _engine.SuggestAsync(prompt, CancellationToken.None);
            scores.Add((organ, Overlap.Dice(suggestion.Mask, organ.Truth)));
        }

        scores.ForEach(s => output.WriteLine($"{s.Organ}: Dice {s.Dice:0.000}"));
        Assert.All(scores, s => Assert.True(s.Dice >= 0.8, $"{s.Organ}: Dice {s.Dice:0.000}"));
    }

    [Fact]
    public async Task An_object_scribble_and_a_background_scribble_segment_the_liver()
    {
        var scores = new List<(DemoOrgan Organ, double Dice)>();
        foreach (var organ in DemoOrgans.Cases.Where(o => o.Organ == "liver"))
        {
            var box = organ.TightBox(DemoOrgans.Slice);
            var centre = organ.DeepestPoint();
            var inside = new Scribble([new PlanePoint(centre.X - 10, centre.Y), new PlanePoint(centre.X + 5, centre.Y)], 3, DemoOrgans.Slice, organ.LabelId);
            var outside = new Scribble(
                [new PlanePoint(box.MinX - 4, box.MinY - 4), new PlanePoint(box.MaxX + 4, box.MinY - 4), new PlanePoint(box.MaxX + 4, box.MaxY + 4), new PlanePoint(box.MinX - 4, box.MaxY + 4)],
                3, DemoOrgans.Slice, ClassId: 0);
            var prompt = new SuggestionPrompt(organ.Image, organ.LabelId) { Scribbles = [inside, outside] };
            var suggestion = await _engine.SuggestAsync(prompt, CancellationToken.None);
            scores.Add((organ, Overlap.Dice(suggestion.Mask, organ.Truth)));
        }

        scores.ForEach(s => output.WriteLine($"{s.Organ}: Dice {s.Dice:0.000}"));
        Assert.All(scores, s => Assert.True(s.Dice >= 0.8, $"{s.Organ}: Dice {s.Dice:0.000}"));
    }

    [Fact]
    public async Task Only_the_clicked_kidney_is_kept_though_both_look_alike()
    {
        var right = DemoOrgans.Cases.First(o => o.Organ == "kidney_right");
        var left = DemoOrgans.Cases.First(o => o.Case == right.Case && o.Organ == "kidney_left");
        var click = right.DeepestPoint();

        var suggestion = await _engine.SuggestAsync(
            new SuggestionPrompt(right.Image, right.LabelId) { Points = [new LabelPoint(click.X, click.Y, DemoOrgans.Slice, right.LabelId)] },
            CancellationToken.None);

        Assert.Equal(0, Enumerable.Range(0, left.Truth.Length).Count(n => left.Truth[n] && suggestion.Mask[n]));
        Assert.True(Overlap.Dice(suggestion.Mask, right.Truth) > 0.8);
    }

    [Fact]
    public async Task A_prompt_without_a_positive_seed_is_refused()
    {
        var organ = DemoOrgans.Cases[0];
        var prompt = new SuggestionPrompt(organ.Image, organ.LabelId) { Points = [new LabelPoint(5, 5, DemoOrgans.Slice, organ.LabelId, IsPositive: false)] };

        var error = await Assert.ThrowsAsync<PromptNotSupportedException>(() => _engine.SuggestAsync(prompt, CancellationToken.None));

        Assert.Contains("positive", error.Message, StringComparison.Ordinal);
    }
}

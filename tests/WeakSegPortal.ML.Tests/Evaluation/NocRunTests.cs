using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Evaluation;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Evaluation;

public sealed class NocRunTests
{
    private const int Size = 20;
    private static readonly bool[] Truth = new HandMask(Size, Size).Rect(5, 5, 14, 14).Pixels;
    private static readonly PromptImage Image = new("noc", SliceOrientation.Axial, 3, Size, Size, new float[Size * Size], 1, 1, "CT");

    [Fact]
    public async Task NoC_is_the_first_click_count_at_which_the_IoU_reached_the_threshold()
    {
        // IoU 0.5 after one click, 0.88 after two, 1.0 after three.
        var engine = new ScriptedEngine(
            new HandMask(Size, Size).Rect(5, 5, 14, 9).Pixels,
            new HandMask(Size, Size).Rect(5, 5, 14, 12).Rect(5, 13, 12, 13).Pixels,
            Truth);

        var trace = await NocRun.RunAsync(engine, new SuggestionPrompt(Image, 1), Truth, stopAt: 0.9, CancellationToken.None);

        Assert.Equal([0, 0.5, 0.88, 1], trace.IoUAfterClicks.Select(i => Math.Round(i, 2)));
        Assert.Equal(2, trace.ClicksToReach(0.85));
        Assert.Equal(3, trace.ClicksToReach(0.9));
        Assert.Equal(3, engine.Prompts.Count);
    }

    [Fact]
    public async Task Clicks_add_to_the_same_prompt_with_their_sign_and_the_previous_low_res_mask_goes_back()
    {
        var tooBig = new HandMask(Size, Size).Rect(0, 0, 19, 19).Pixels;
        var engine = new ScriptedEngine(tooBig, new HandMask(Size, Size).Rect(5, 5, 14, 9).Pixels, Truth);
        var box = new Box2D(4.5, 4.5, 14.5, 14.5, 3);

        var trace = await NocRun.RunAsync(engine, new SuggestionPrompt(Image, 1) { Box = box }, Truth, stopAt: 0.9, CancellationToken.None);

        Assert.Equal(3, engine.Prompts.Count);
        Assert.All(engine.Prompts, p => Assert.Equal(box, p.Box));
        Assert.Empty(engine.Prompts[0].Points);
        Assert.Null(engine.Prompts[0].PreviousMask);
        var negative = Assert.Single(engine.Prompts[1].Points);
        Assert.False(negative.IsPositive);
        Assert.Equal(3, negative.Slice);
        Assert.Equal([1f], engine.Prompts[1].PreviousMask!.Logits);
        Assert.Equal(2, engine.Prompts[2].Points.Count);
        Assert.True(engine.Prompts[2].Points[1].IsPositive);
        Assert.Equal([2f], engine.Prompts[2].PreviousMask!.Logits);
        Assert.Equal(trace.Clicks.Select(c => (double)c.X), engine.Prompts[2].Points.Select(p => p.X));
        Assert.Equal(2, trace.ClicksToReach(0.9));
    }

    [Fact]
    public async Task A_box_that_is_enough_alone_counts_zero_clicks()
    {
        var engine = new ScriptedEngine(Truth);

        var trace = await NocRun.RunAsync(engine, new SuggestionPrompt(Image, 1) { Box = new Box2D(4.5, 4.5, 14.5, 14.5, 3) }, Truth, 0.9, CancellationToken.None);

        Assert.Equal(0, trace.ClicksToReach(0.9));
        Assert.Empty(trace.Clicks);
        Assert.Single(engine.Prompts);
    }

    [Fact]
    public async Task An_engine_that_never_gets_there_stops_at_20_clicks_and_fails()
    {
        var engine = new ScriptedEngine(new HandMask(Size, Size).Rect(5, 5, 14, 9).Pixels);

        var trace = await NocRun.RunAsync(engine, new SuggestionPrompt(Image, 1), Truth, 0.9, CancellationToken.None);

        Assert.Equal(20, engine.Prompts.Count);
        Assert.Equal(20, trace.Clicks.Count);
        Assert.Equal(21, trace.IoUAfterClicks.Count);
        Assert.Null(trace.ClicksToReach(0.85));
    }

    [Fact]
    public void The_summary_counts_a_failed_object_as_the_cap_and_reports_it()
    {
        var reached = new ClickTrace([0, 0.5, 0.86, 0.95], []);
        var failed = new ClickTrace([0, .. Enumerable.Repeat(0.5, 20)], []);
        var boxAlone = new ClickTrace([0.92], []);

        var at85 = NocSummary.Of([reached, failed, boxAlone], 0.85);
        var at90 = NocSummary.Of([reached, failed, boxAlone], 0.90);

        Assert.Equal(new NocSummary(0.85, 3, (2 + 20 + 0) / 3.0, 1, 20), at85);
        Assert.Equal(new NocSummary(0.90, 3, (3 + 20 + 0) / 3.0, 1, 20), at90);
    }
}

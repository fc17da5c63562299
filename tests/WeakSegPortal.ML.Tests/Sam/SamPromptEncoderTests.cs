using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Sam;

public sealed class SamPromptEncoderTests
{
    private static readonly PromptImage Image = SyntheticPrompts.Disk(512, 256, 100, 100, 20);
    private static readonly SamFamilyProfile Sam = SamFamilyProfile.For(SamFamily.Sam);
    private static readonly SamFrame Frame = SamFrame.For(Sam, 512, 256);

    [Fact]
    public void A_box_becomes_its_top_left_and_bottom_right_corners_labelled_2_and_3_in_the_1024_frame_without_padding()
    {
        var prompt = new SuggestionPrompt(Image, 1) { Box = new Box2D(300, 200, 10, 20, 0) };

        var encoded = SamPromptEncoder.Encode(prompt, Sam, Frame);

        Assert.Equal([2f, 3f], encoded.Labels);
        Assert.Equal([20f, 40f, 600f, 400f], encoded.Coords);
    }

    [Fact]
    public void Clicks_alone_get_a_padding_point_at_the_origin_labelled_minus_1()
    {
        var prompt = new SuggestionPrompt(Image, 1)
        {
            Points = [new LabelPoint(50, 25, 0, 1), new LabelPoint(100, 60, 0, 1, IsPositive: false)],
        };

        var encoded = SamPromptEncoder.Encode(prompt, Sam, Frame);

        Assert.Equal([1f, 0f, -1f], encoded.Labels);
        Assert.Equal([100f, 50f, 200f, 120f, 0f, 0f], encoded.Coords);
    }

    [Fact]
    public void Clicks_with_a_box_come_first_and_the_box_corners_last()
    {
        var prompt = new SuggestionPrompt(Image, 1) { Points = [new LabelPoint(50, 25, 0, 1)], Box = new Box2D(10, 20, 300, 200, 0) };

        Assert.Equal([1f, 2f, 3f], SamPromptEncoder.Encode(prompt, Sam, Frame).Labels);
    }

    [Fact]
    public void MedSam_refuses_clicks_because_it_takes_a_box_only()
    {
        var medSam = SamFamilyProfile.For(SamFamily.MedSam);
        var prompt = new SuggestionPrompt(Image, 1) { Points = [new LabelPoint(50, 25, 0, 1)] };

        var error = Assert.Throws<PromptNotSupportedException>(() => SamPromptEncoder.Encode(prompt, medSam, SamFrame.For(medSam, 512, 256)));

        Assert.Equal("MedSam takes a box prompt only.", error.Message);
    }

    [Fact]
    public void Scribbles_are_refused_with_the_engine_to_use_instead()
    {
        var prompt = new SuggestionPrompt(Image, 1) { Scribbles = [new Scribble([new PlanePoint(1, 1)], 2, 0, 1)] };

        var error = Assert.Throws<PromptNotSupportedException>(() => SamPromptEncoder.Encode(prompt, Sam, Frame));

        Assert.Contains("grabcut-seeded", error.Message, StringComparison.Ordinal);
    }
}

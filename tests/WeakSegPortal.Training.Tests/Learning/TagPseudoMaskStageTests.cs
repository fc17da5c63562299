using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Training.Tests.Learning;

public class TagPseudoMaskStageTests
{
    private const long Ignore = PartialCrossEntropy.Ignore;
    private const float Unknown = TagClassificationLoss.Unknown;

    private static TrainingExample Example(long[] target, float[] tags, IReadOnlyList<TrainingBox>? boxes = null) =>
        new(new float[16], 1, 4, 4, target, [true, true, true], boxes ?? [], tags, []);

    private static long[] Unlabelled() => Enumerable.Repeat(Ignore, 16).ToArray();

    [Fact]
    public void Only_an_example_with_a_known_tag_and_no_pixel_box_or_line_counts_as_tag_only()
    {
        var scribbled = Unlabelled();
        scribbled[5] = 1;

        Assert.True(TagPseudoMaskStage.HasOnlyTags(Example(Unlabelled(), [1, Unknown])));
        Assert.False(TagPseudoMaskStage.HasOnlyTags(Example(Unlabelled(), [Unknown, Unknown])));
        Assert.False(TagPseudoMaskStage.HasOnlyTags(Example(scribbled, [1, 0])));
        Assert.False(TagPseudoMaskStage.HasOnlyTags(Example(Unlabelled(), [1, 0], [new TrainingBox(0, 1, 0, 0, 2, 2)])));
        Assert.False(TagPseudoMaskStage.HasOnlyTags(Example(Unlabelled(), [1, 0]) with { Lines = [new TrainingLine(0, 1, true, 1, 0, 3)] }));
    }

    [Fact]
    public void The_stage_replaces_only_tag_only_targets_and_an_image_tagged_all_absent_becomes_background()
    {
        // An untrained classifier is enough: all-absent needs no map, and an unknown tag leaves the image out whatever the maps.
        using var classifier = new UNet(new UNetOptions(3, Depth: 1, BaseChannels: 2, Tags: 2));
        var scribbled = Unlabelled();
        scribbled[5] = 1;
        var examples = new[]
        {
            Example(Unlabelled(), [0, 0]),
            Example(Unlabelled(), [1, Unknown]),
            Example(scribbled, [0, 0]),
        };

        var staged = TagPseudoMaskStage.Apply(classifier, examples);

        Assert.Equal(Enumerable.Repeat(0L, 16), staged[0].Target);
        Assert.Equal(Unlabelled(), staged[1].Target);
        Assert.Same(examples[2], staged[2]);
        // The classifier learns from every example with a known tag, scribbled or not; one with no known tag is left out.
        Assert.Equal(3, TagPseudoMaskStage.ClassifierExamples([.. examples, Example(Unlabelled(), [Unknown, Unknown])]).Count);
    }

    [Fact]
    public void Profiles_learnt_where_one_class_is_present_tell_apart_two_organs_that_both_maps_light()
    {
        // Rows of 12: a dim organ on pixels 1–5 (0.7) and a bright one on 6–10 (0.9), body 0.5 at the ends.
        float[] image = [0.5f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f];
        float[] dim = [0, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0];
        float[] bright = [0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0];
        float[] both = [0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0];
        float[] dark = new float[12];
        float[] faint = [0, 0, 0, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0];
        TrainingExample Row(float[] tags) => new(image, 1, 12, 1, Enumerable.Repeat(Ignore, 12).ToArray(), [true, true, true], [], tags, []);
        var examples = new[] { Row([1, 0]), Row([0, 1]), Row([1, 1]), Row([0, 1]) };
        // Class 1 alone: its map lights the dim organ → class 1's profile 0.7. Class 2 alone: the bright one → 0.9. Both
        // present: both maps light both organs, and the profiles split them. The last image's class-2 map peaks at 0.5,
        // below a quarter of class 2's highest peak (4): it marks nothing and says nothing is background.
        float[]?[] maps = [[.. dim, .. dark], [.. dark, .. bright], [.. both, .. both], [.. dark, .. faint]];

        var staged = TagPseudoMaskStage.FromMaps(examples, maps, growTolerance: 0);

        Assert.Equal([0L, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], staged[0].Target);
        Assert.Equal([0L, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0], staged[1].Target);
        Assert.Equal([0L, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0], staged[2].Target);
        Assert.Equal(Enumerable.Repeat(Ignore, 12), staged[3].Target);
    }

    [Fact]
    public void A_map_that_only_just_counts_gives_no_profile_sample()
    {
        // Rows of 12, class 2 alone on each. A: the bright organ (0.9) on pixels 6–10, its map peaks at 4 → a sample at 0.9.
        // B: body (0.5) on 0–5 lit by a map peaking at 1.2: 0.3 of class 2's highest, so it counts (≥ 0.25) but its largest
        // piece is body. C: body on 0–4 and the organ on 5–10, both lit at 4; the organ is the larger piece, a sample at 0.9.
        // With B's body as a sample the profile is 0.77 ± 0.19 and C's body piece (0.5, 1.4 spreads off) becomes class 2;
        // learning only from maps at ≥ half the highest peak, the profile is 0.9 and C's body is left out.
        float[] a = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f];
        float[] c = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f];
        TrainingExample Row(float[] image) => new(image, 1, 12, 1, Enumerable.Repeat(Ignore, 12).ToArray(), [true, true, true], [], [0, 1], []);
        float[] dark = new float[12];
        float[] organ = [0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0];
        float[] weakBody = [1.2f, 1.2f, 1.2f, 1.2f, 1.2f, 1.2f, 0, 0, 0, 0, 0, 0];
        float[] bodyAndOrgan = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0];
        float[]?[] maps = [[.. dark, .. organ], [.. dark, .. weakBody], [.. dark, .. bodyAndOrgan]];

        var staged = TagPseudoMaskStage.FromMaps([Row(a), Row(a), Row(c)], maps, growTolerance: 0);

        Assert.Equal([Ignore, Ignore, Ignore, Ignore, Ignore, 2L, 2, 2, 2, 2, 2, 0], staged[2].Target);
    }
}

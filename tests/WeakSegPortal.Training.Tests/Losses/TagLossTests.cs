using WeakSegPortal.Training.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Losses;

public class TagLossTests
{
    [Fact]
    public void Tag_classification_is_binary_cross_entropy_over_the_tags_someone_gave()
    {
        // Image 0: logits (0, ln 3), tags (present, unknown). Image 1: logits (ln 3, 0), tags (absent, absent).
        // (0,0): −ln σ(0) = ln 2 = 0.693147; (1,0): σ(ln 3) = 0.75, absent: −ln 0.25 = 1.386294; (1,1): ln 2.
        // Mean over the 3 known: 2.772589 / 3 = 0.924196. The unknown tag adds nothing.
        var ln3 = (float)Math.Log(3);
        using var logits = TinyTensors.Of([0f, ln3, ln3, 0f], 2, 2);
        using var targets = TinyTensors.Of([1f, TagClassificationLoss.Unknown, 0f, 0f], 2, 2);

        using var loss = TagClassificationLoss.Compute(logits, targets);

        Assert.Equal(0.924196, loss.item<float>(), 5);
    }

    [Fact]
    public void A_negative_tag_penalises_the_class_everywhere_on_the_image()
    {
        // p(class 1) = 0.5, 0.9 on the two pixels; class 1 tagged absent: (−ln 0.5 − ln 0.1) / 2 = (0.693147 + 2.302585) / 2 = 1.497866.
        using var logits = TinyTensors.TwoClassLogits([0.5f, 0.9f], 1, 2);
        using var absent = TinyTensors.Of([false, true], 1, 2);
        using var nothingAbsent = TinyTensors.Of([false, false], 1, 2);

        using var loss = NegativeTagLoss.Compute(logits, absent);
        using var none = NegativeTagLoss.Compute(logits, nothingAbsent);

        Assert.Equal(1.497866, loss.item<float>(), 5);
        Assert.Equal(0f, none.item<float>());
    }

    [Fact]
    public void Every_pixel_of_an_absent_tag_s_map_is_a_negative_instance_and_present_or_unknown_tags_add_nothing()
    {
        // Maps [2 images, 2 tags, 1×2 pixels]. Image 0: tag 1 (0, ln 3) absent, tag 2 (5, 5) present.
        // Image 1: tag 1 (−9, −9) unknown, tag 2 (ln 3, 0) absent.
        // softplus(0) = ln 2 = 0.693147, softplus(ln 3) = ln 4 = 1.386294: each absent map's mean is 1.039721; mean of the two 1.039721.
        var ln3 = (float)Math.Log(3);
        using var maps = TinyTensors.Of([0f, ln3, 5f, 5f, -9f, -9f, ln3, 0f], 2, 2, 1, 2);
        using var targets = TinyTensors.Of([0f, 1f, TagClassificationLoss.Unknown, 0f], 2, 2);
        using var noneAbsent = TinyTensors.Of([1f, 1f, TagClassificationLoss.Unknown, 1f], 2, 2);

        using var loss = AbsentTagMapLoss.Compute(maps, targets);
        using var none = AbsentTagMapLoss.Compute(maps, noneAbsent);

        Assert.Equal(1.039721, loss.item<float>(), 5);
        Assert.Equal(0f, none.item<float>());
    }

    [Fact]
    public void An_absent_tag_s_map_costs_by_its_every_pixel_not_by_its_mean()
    {
        // Two maps with the same mean 0: (0, 0) costs ln 2 = 0.693147; (−4, 4) costs (softplus(−4) + softplus(4)) / 2 =
        // (0.018150 + 4.018150) / 2 = 2.018150: a map that fires on part of the image pays for it.
        using var flat = TinyTensors.Of([0f, 0f], 1, 1, 1, 2);
        using var peaked = TinyTensors.Of([-4f, 4f], 1, 1, 1, 2);
        using var absent = TinyTensors.Of([0f], 1, 1);

        using var flatLoss = AbsentTagMapLoss.Compute(flat, absent);
        using var peakedLoss = AbsentTagMapLoss.Compute(peaked, absent);

        Assert.Equal(0.693147, flatLoss.item<float>(), 5);
        Assert.Equal(2.018150, peakedLoss.item<float>(), 5);
    }
}

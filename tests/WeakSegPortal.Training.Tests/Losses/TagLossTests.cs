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
}

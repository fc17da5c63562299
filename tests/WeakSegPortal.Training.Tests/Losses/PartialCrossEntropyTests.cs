using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Losses;

public class PartialCrossEntropyTests
{
    [Fact]
    public void Averages_the_cross_entropy_over_labelled_pixels_only()
    {
        // Pixels with p(class 1) = 0.8, 0.5, 0.1, labelled 1, unlabelled, 0:
        // (−ln 0.8 − ln 0.9) / 2 = (0.223144 + 0.105361) / 2 = 0.164252. The unlabelled pixel adds nothing.
        using var logits = TinyTensors.TwoClassLogits([0.8f, 0.5f, 0.1f], 1, 3);
        using var target = TinyTensors.Labels([1, PartialCrossEntropy.Ignore, 0], 1, 1, 3);

        using var loss = PartialCrossEntropy.Compute(logits, target);

        Assert.Equal(0.164252, loss.item<float>(), 5);
    }

    [Fact]
    public void An_image_with_no_labelled_pixel_costs_nothing_instead_of_NaN()
    {
        using var logits = TinyTensors.TwoClassLogits([0.8f, 0.5f], 1, 2);
        using var target = TinyTensors.Labels([PartialCrossEntropy.Ignore, PartialCrossEntropy.Ignore], 1, 1, 2);

        using var loss = PartialCrossEntropy.Compute(logits, target);

        Assert.Equal(0f, loss.item<float>());
    }
}

using WeakSegPortal.Training.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Losses;

public class MarginalCrossEntropyTests
{
    // Three classes, two pixels: pixel 0 p = (0.5, 0.2, 0.3) labelled background, pixel 1 p = (0.1, 0.6, 0.3) labelled 1.
    private static readonly float[] Probabilities = [0.5f, 0.1f, 0.2f, 0.6f, 0.3f, 0.3f]; // [class][pixel]

    [Fact]
    public void A_class_nobody_labelled_is_merged_with_background_not_counted_against()
    {
        // Class 2 unlabelled on the item: pixel 0's target is {0, 2}: −ln(0.5 + 0.3) = 0.223144; pixel 1: −ln 0.6 = 0.510826.
        // Mean: 0.366985.
        using var logits = TinyTensors.LogitsOf(Probabilities, 1, 3, 1, 2);
        using var target = TinyTensors.Labels([0, 1], 1, 1, 2);
        using var labelled = TinyTensors.Of([true, true, false], 1, 3);

        using var loss = MarginalCrossEntropy.Compute(logits, target, labelled);

        Assert.Equal(0.366985, loss.item<float>(), 5);
    }

    [Fact]
    public void With_every_class_labelled_it_is_partial_cross_entropy()
    {
        // (−ln 0.5 − ln 0.6) / 2 = (0.693147 + 0.510826) / 2 = 0.601986, the same as pCE.
        using var logits = TinyTensors.LogitsOf(Probabilities, 1, 3, 1, 2);
        using var target = TinyTensors.Labels([0, 1], 1, 1, 2);
        using var labelled = TinyTensors.Of([true, true, true], 1, 3);

        using var loss = MarginalCrossEntropy.Compute(logits, target, labelled);
        using var partial = PartialCrossEntropy.Compute(logits, target);

        Assert.Equal(0.601986, loss.item<float>(), 5);
        Assert.Equal(partial.item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void Training_never_pushes_an_unlabelled_class_down_where_background_was_marked()
    {
        // ∂loss/∂z₂ at pixel 0 is p₂ − p₂/(p₀ + p₂) = 0.3 − 0.375 < 0 when class 2 is unlabelled (a descent step raises it);
        // with plain pCE it is p₂ = 0.3 > 0 (a descent step lowers it: class 2 treated as background).
        using var logits = TinyTensors.LogitsOf(Probabilities, 1, 3, 1, 2).requires_grad_();
        using var target = TinyTensors.Labels([0, PartialCrossEntropy.Ignore], 1, 1, 2);
        using var labelled = TinyTensors.Of([true, true, false], 1, 3);

        using var loss = MarginalCrossEntropy.Compute(logits, target, labelled);
        loss.backward();

        Assert.Equal(-0.075, logits.grad![0, 2, 0, 0].item<float>(), 5);
    }

    [Fact]
    public void Ignored_pixels_take_no_part()
    {
        using var logits = TinyTensors.LogitsOf(Probabilities, 1, 3, 1, 2);
        using var target = TinyTensors.Labels([PartialCrossEntropy.Ignore, 1], 1, 1, 2);
        using var labelled = TinyTensors.Of([true, true, false], 1, 3);

        using var loss = MarginalCrossEntropy.Compute(logits, target, labelled);

        Assert.Equal(-Math.Log(0.6), loss.item<float>(), 5);
    }

    [Fact]
    public void Class_balanced_a_class_with_few_labelled_pixels_weighs_as_much_as_background()
    {
        // Three pixels, every class labelled: p(background) = 0.5 and 0.8 at the two background pixels, p(2) = 0.6 at the one
        // class-2 pixel. Per pixel: 0.693147, 0.223144, 0.510826. Per pixel mean: 1.427117 / 3 = 0.475706. Balanced: background's
        // mean (0.693147 + 0.223144) / 2 = 0.458146 and class 2's 0.510826 averaged: 0.484486.
        using var logits = TinyTensors.LogitsOf([0.5f, 0.8f, 0.1f, 0.2f, 0.1f, 0.3f, 0.3f, 0.1f, 0.6f], 1, 3, 1, 3);
        using var target = TinyTensors.Labels([0, 0, 2], 1, 1, 3);
        using var labelled = TinyTensors.Of([true, true, true], 1, 3);

        using var plain = MarginalCrossEntropy.Compute(logits, target, labelled);
        using var balanced = MarginalCrossEntropy.Compute(logits, target, labelled, classBalanced: true);

        Assert.Equal(0.475706, plain.item<float>(), 5);
        Assert.Equal(0.484486, balanced.item<float>(), 5);
    }

    [Fact]
    public void Class_balanced_still_merges_an_unlabelled_class_with_background_and_skips_ignored_pixels()
    {
        // Class 2 unlabelled; pixels: background (target {0, 2}: −ln(0.5 + 0.3) = 0.223144), ignored, class 1 (−ln 0.6 = 0.510826),
        // class 1 (−ln 0.2 = 1.609438). Background 0.223144, class 1 (0.510826 + 1.609438) / 2 = 1.060132; mean 0.641638.
        using var logits = TinyTensors.LogitsOf([0.5f, 0.3f, 0.1f, 0.4f, 0.2f, 0.4f, 0.6f, 0.2f, 0.3f, 0.3f, 0.3f, 0.4f], 1, 3, 1, 4);
        using var target = TinyTensors.Labels([0, PartialCrossEntropy.Ignore, 1, 1], 1, 1, 4);
        using var labelled = TinyTensors.Of([true, true, false], 1, 3);

        using var loss = MarginalCrossEntropy.Compute(logits, target, labelled, classBalanced: true);

        Assert.Equal(0.641638, loss.item<float>(), 5);
    }
}

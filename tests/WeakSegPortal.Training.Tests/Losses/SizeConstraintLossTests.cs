using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Losses;

public class SizeConstraintLossTests
{
    // A 2×2 image, p(class 1) = 0.9, 0.8, 0.1, 0.2: soft size V₁ = 2.0, and V₀ = 4 − 2 = 2.0; N = 4 pixels.
    private static readonly float[] Foreground = [0.9f, 0.8f, 0.1f, 0.2f];

    [Theory]
    [InlineData(3, 4, 0.0625)]     // below: ((2 − 3) / 4)² = 0.0625
    [InlineData(0, 1, 0.0625)]     // above: ((2 − 1) / 4)² = 0.0625
    [InlineData(1, 3, 0)]          // within: 0
    [InlineData(0, 0, 0.25)]       // a class tagged absent (a = b = 0): (2 / 4)² = 0.25
    public void Penalises_the_soft_size_outside_its_bounds(double min, double max, double expected)
    {
        using var logits = TinyTensors.TwoClassLogits(Foreground, 2, 2);

        using var loss = SizeConstraintLoss.Compute(logits, [new SizeBounds(0, 1, min, max)]);

        Assert.Equal(expected, loss.item<float>(), 6);
    }

    [Fact]
    public void Averages_over_the_bounds_given()
    {
        // Class 1 in [3, 4]: 0.0625; class 0 in [0, 1.5]: ((2 − 1.5) / 4)² = 0.015625. Mean: 0.0390625.
        using var logits = TinyTensors.TwoClassLogits(Foreground, 2, 2);

        using var loss = SizeConstraintLoss.Compute(logits, [new SizeBounds(0, 1, 3, 4), new SizeBounds(0, 0, 0, 1.5)]);

        Assert.Equal(0.0390625, loss.item<float>(), 6);
    }
}

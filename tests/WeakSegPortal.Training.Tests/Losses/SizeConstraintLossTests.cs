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

    [Theory]
    [InlineData(3, 4, 0.111111)]   // short: ((3 − 2) / 3)² = 1/9
    [InlineData(2.5, 4, 0.04)]     // short: ((2.5 − 2) / 2.5)² = 0.2² = 0.04
    [InlineData(0, 1, 0)]          // above its upper bound: the shortfall says nothing
    [InlineData(1, 3, 0)]          // within: 0
    [InlineData(0, 0, 0)]          // tagged absent (a = 0): nothing to fall short of
    public void Shortfall_divides_the_miss_below_by_the_lower_bound(double min, double max, double expected)
    {
        using var logits = TinyTensors.TwoClassLogits(Foreground, 2, 2);

        using var loss = SizeConstraintLoss.Shortfall(logits, [new SizeBounds(0, 1, min, max)]);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Shortfall_weighs_a_small_class_at_half_its_size_as_a_large_one_at_half_its_size()
    {
        // 4×4 image (N = 16). Class 1 has soft size 2 against a lower bound of 4; class 2 soft size 6 against 12. Over N
        // the small class's miss costs ((4 − 2)/16)² = 0.015625, 9× less than the large one's ((12 − 6)/16)² = 0.140625;
        // relative to the bound both cost (1/2)² = 0.25, and their mean is 0.25.
        var p1 = Enumerable.Repeat(0.125f, 16).ToArray();  // Σ = 2
        var p2 = Enumerable.Repeat(0.375f, 16).ToArray();  // Σ = 6
        var p0 = p1.Zip(p2, (a, b) => 1 - a - b).ToArray();
        using var logits = TinyTensors.LogitsOf([.. p0, .. p1, .. p2], 1, 3, 4, 4);
        SizeBounds small = new(0, 1, 4, 100), large = new(0, 2, 12, 100);

        using var smallShort = SizeConstraintLoss.Shortfall(logits, [small]);
        using var largeShort = SizeConstraintLoss.Shortfall(logits, [large]);
        using var both = SizeConstraintLoss.Shortfall(logits, [small, large, new SizeBounds(0, 0, 0, 0)]);
        using var smallOverN = SizeConstraintLoss.Compute(logits, [small]);
        using var largeOverN = SizeConstraintLoss.Compute(logits, [large]);

        Assert.Equal(0.25, smallShort.item<float>(), 5);
        Assert.Equal(0.25, largeShort.item<float>(), 5);
        Assert.Equal(0.25, both.item<float>(), 5);
        Assert.Equal(0.015625, smallOverN.item<float>(), 5);
        Assert.Equal(0.140625, largeOverN.item<float>(), 5);
    }
}

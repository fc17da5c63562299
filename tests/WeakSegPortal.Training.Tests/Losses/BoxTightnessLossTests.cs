using WeakSegPortal.Training.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Losses;

public class BoxTightnessLossTests
{
    // A 2×3 image; p(class 1) by row: (0.75, 0.25, 0.5) and (0.5, 0.5, 0.1). The box covers row 0, columns 0–1.
    private static readonly float[] Foreground = [0.75f, 0.25f, 0.5f, 0.5f, 0.5f, 0.1f];
    private static readonly TrainingBox[] Box = [new(Image: 0, ClassId: 1, X0: 0, Y0: 0, X1: 1, Y1: 0)];

    [Fact]
    public void The_alpha_softmax_of_a_line_is_its_probabilities_weighted_by_exp_alpha_p()
    {
        // S_6(0.75, 0.25) = (0.75 e^4.5 + 0.25 e^1.5) / (e^4.5 + e^1.5) = (67.5128 + 1.1204) / (90.0171 + 4.4817) = 0.726287.
        using var line = TinyTensors.Of([0.75f, 0.25f], 2);

        using var smooth = BoxTightnessLoss.SmoothMaximum(line, 0, 6);
        using var mean = BoxTightnessLoss.SmoothMaximum(line, 0, 0);

        Assert.Equal(0.726287, smooth.item<float>(), 5);
        Assert.Equal(0.5, mean.item<float>(), 6);
    }

    [Fact]
    public void Every_row_and_column_of_a_box_is_a_positive_bag()
    {
        // Bags: row 0 → S_6(0.75, 0.25) = 0.726287; column 0 → 0.75; column 1 → 0.25.
        // (−ln 0.726287 − ln 0.75 − ln 0.25) / 3 = (0.319815 + 0.287682 + 1.386294) / 3 = 0.664595.
        using var p = TinyTensors.TwoClassLogits(Foreground, 2, 3).softmax(1);

        using var loss = BoxTightnessLoss.Positive(p, Box, alpha: 6);

        Assert.Equal(0.664595, loss.item<float>(), 5);
    }

    [Fact]
    public void Every_pixel_outside_every_box_of_the_class_is_background_for_it()
    {
        // Outside: (row 0, col 2) 0.5, (1,0) 0.5, (1,1) 0.5, (1,2) 0.1.
        // (3 · −ln 0.5 − ln 0.9) / 4 = (2.079442 + 0.105361) / 4 = 0.546201.
        using var p = TinyTensors.TwoClassLogits(Foreground, 2, 3).softmax(1);

        using var loss = BoxTightnessLoss.Negative(p, Box);

        Assert.Equal(0.546201, loss.item<float>(), 5);
    }

    [Fact]
    public void A_second_box_of_the_class_is_not_outside()
    {
        // With a second box on (row 1, col 2), only (0,2), (1,0), (1,1) are outside: 3 · ln 2 / 3 = 0.693147.
        using var p = TinyTensors.TwoClassLogits(Foreground, 2, 3).softmax(1);
        TrainingBox[] boxes = [.. Box, new(0, 1, 2, 1, 2, 1)];

        using var loss = BoxTightnessLoss.Negative(p, boxes);

        Assert.Equal(0.693147, loss.item<float>(), 5);
    }

    [Fact]
    public void Smoothness_is_the_mean_squared_difference_of_neighbour_pairs_inside_the_box()
    {
        // The 1×2 box holds one pair (horizontal): (0.75 − 0.25)² = 0.25.
        using var p = TinyTensors.TwoClassLogits(Foreground, 2, 3).softmax(1);

        using var loss = BoxTightnessLoss.Smoothness(p, Box);

        Assert.Equal(0.25, loss.item<float>(), 5);
    }

    [Fact]
    public void The_total_is_positive_plus_negative_plus_weighted_smoothness()
    {
        // 0.664595 + 0.546201 + 10 · 0.25 = 3.710796.
        using var logits = TinyTensors.TwoClassLogits(Foreground, 2, 3);

        using var loss = BoxTightnessLoss.Compute(logits, Box, new BoxTightnessOptions(Alpha: 6, SmoothnessWeight: 10));

        Assert.Equal(3.710796, loss.item<float>(), 4);
    }
}

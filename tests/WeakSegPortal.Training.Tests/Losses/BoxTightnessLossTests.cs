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
    public void Lines_at_an_angle_cross_the_box_from_side_to_side_and_a_line_met_twice_is_one_bag()
    {
        // A 2×2 box over the whole 2×2 image, p(class 1) = (0.9, 0.1 / 0.2, 0.6); α = 0, so S is the mean along a line.
        // 0°: rows (0.9, 0.1), (0.2, 0.6) and columns (0.9, 0.2), (0.1, 0.6); 45°: the diagonal (0.9, 0.6) (from the left edge
        // and again from the top edge: one bag); −45°: the anti-diagonal (0.2, 0.1). Lines that would leave the box are dropped.
        // Means 0.5, 0.4, 0.55, 0.35, 0.75, 0.15: (−ln 0.5 − ln 0.4 − ln 0.55 − ln 0.35 − ln 0.75 − ln 0.15) / 6 = 0.906983.
        using var p = TinyTensors.TwoClassLogits([0.9f, 0.1f, 0.2f, 0.6f], 2, 2).softmax(1);
        TrainingBox[] box = [new(0, 1, 0, 0, 1, 1)];

        using var loss = BoxTightnessLoss.Positive(p, box, alpha: 0, angles: [0, 45, -45]);

        Assert.Equal(6, BoxTightnessLoss.CrossingLines(box[0], [0, 45, -45]).Count);
        Assert.Equal(0.906983, loss.item<float>(), 5);
    }

    [Fact]
    public void The_published_angles_add_slanted_lines_on_a_box_wide_enough_for_them()
    {
        // A 6×2 box: 0° gives 2 rows and 6 columns. At ±20° a row-start line climbs round(5 · tan 20°) = 2 rows: it leaves
        // the box, so none; a column-start line moves round(1 · tan 20°) = 0: the columns again (one bag each). At ±40°
        // a column-start line moves round(tan 40°) = 1 column: 5 new lines each way. 2 + 6 + 5 + 5 = 18.
        var box = new TrainingBox(0, 1, 0, 0, 5, 1);

        var lines = BoxTightnessLoss.CrossingLines(box, BoxTightnessOptions.PublishedAngles);

        Assert.Equal(18, lines.Count);
        Assert.Equal(8, BoxTightnessLoss.CrossingLines(box, [0]).Count);
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

    [Fact]
    public void By_default_the_total_is_positive_plus_negative_without_the_unweighted_smoothness()
    {
        // 0.664595 + 0.546201 = 1.210796: the in-box smoothness (0.25 here) fills the box and is off unless asked for.
        using var logits = TinyTensors.TwoClassLogits(Foreground, 2, 3);

        using var loss = BoxTightnessLoss.Compute(logits, Box, new BoxTightnessOptions());

        Assert.Equal(1.210796, loss.item<float>(), 4);
    }

    [Fact]
    public void A_box_one_pixel_loose_on_every_side_costs_a_right_mask_almost_nothing()
    {
        // A 5×5 box over a 5×5 image whose object is the middle 3×3 (p 0.99; the one-pixel ring 0.01), as a box drawn a pixel
        // loose all round: its outermost rows and columns hold none of the object. Taken as bags they cost −ln S ≈ 4.6 each
        // (8 of 10 bags false before the inset); with the default inset of 1 the bags are the middle 3 rows and columns,
        // each met (S ≈ 0.98). (The object fills 9 / 25 = 0.36 of this box, which the fill hinge would charge 0.14: the fill
        // is left out here to see the bags alone.)
        var foreground = new float[25];
        for (var v = 0; v < 25; v++)
        {
            var (x, y) = (v % 5, v / 5);
            foreground[v] = x is >= 1 and <= 3 && y is >= 1 and <= 3 ? 0.99f : 0.01f;
        }
        using var logits = TinyTensors.TwoClassLogits(foreground, 5, 5);
        TrainingBox[] loose = [new(0, 1, 0, 0, 4, 4)];

        using var inset = BoxTightnessLoss.Compute(logits, loose, new BoxTightnessOptions { MinimumFill = 0 });
        using var edges = BoxTightnessLoss.Compute(logits, loose, new BoxTightnessOptions { MinimumFill = 0, BagInset = 0 });

        Assert.True(inset.item<float>() < 0.05, $"bags inside the loose edges: {inset.item<float>()}");
        Assert.True(edges.item<float>() > 1, $"bags on the loose edges: {edges.item<float>()}");
        Assert.Equal(new TrainingBox(0, 1, 1, 1, 3, 3), BoxTightnessLoss.Inset(loose[0], 1));
        Assert.Equal(new TrainingBox(0, 1, 0, 1, 1, 3), BoxTightnessLoss.Inset(new TrainingBox(0, 1, 0, 0, 1, 4), 1));
    }

    [Fact]
    public void A_diagonal_that_meets_every_bag_of_a_box_still_pays_for_the_box_it_leaves_empty()
    {
        // A 4×4 box over a 4×4 image. The diagonal (p 0.99, else 0.01) meets every row and column (S_6 ≈ 0.983 each); so
        // does the whole box filled (0.99). By the bags alone they cost nearly the same (0.017 against 0.010); the fill hinge
        // (default share 0.4) charges the diagonal 0.4 − (4 · 0.99 + 12 · 0.01) / 16 = 0.145 and the filled box nothing.
        var diagonal = new float[16];
        for (var v = 0; v < 16; v++)
        {
            diagonal[v] = v % 5 == 0 ? 0.99f : 0.01f;
        }
        var filled = Enumerable.Repeat(0.99f, 16).ToArray();
        TrainingBox[] box = [new(0, 1, 0, 0, 3, 3)];
        using var thin = TinyTensors.TwoClassLogits(diagonal, 4, 4);
        using var full = TinyTensors.TwoClassLogits(filled, 4, 4);
        var noInset = new BoxTightnessOptions { BagInset = 0 };

        using var thinLoss = BoxTightnessLoss.Compute(thin, box, noInset);
        using var fullLoss = BoxTightnessLoss.Compute(full, box, noInset);
        using var fill = BoxTightnessLoss.Fill(thin.softmax(1), box, 0.5);

        Assert.Equal(0.245, fill.item<float>(), 4);
        Assert.True(thinLoss.item<float>() - fullLoss.item<float>() > 0.1, $"diagonal {thinLoss.item<float>()}, filled {fullLoss.item<float>()}");
    }
}

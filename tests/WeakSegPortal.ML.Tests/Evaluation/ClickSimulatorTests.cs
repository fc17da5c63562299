using WeakSegPortal.ML.Evaluation;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Evaluation;

public sealed class ClickSimulatorTests
{
    [Fact]
    public void With_nothing_predicted_it_clicks_the_centre_of_the_object_positively()
    {
        var truth = new HandMask(40, 30).Rect(10, 5, 20, 15);

        var click = ClickSimulator.Next(truth.Pixels, new bool[40 * 30], 40, 30);

        Assert.Equal(new SimulatedClick(15, 10, IsPositive: true), click);
    }

    [Fact]
    public void A_false_region_larger_than_the_missed_one_gets_a_negative_click_at_its_centre()
    {
        var truth = new HandMask(60, 40).Rect(5, 5, 15, 15);
        var predicted = truth.Copy().Rect(5, 5, 7, 7, value: false).Rect(30, 10, 50, 30);

        var click = ClickSimulator.Next(truth.Pixels, predicted.Pixels, 60, 40);

        Assert.Equal(new SimulatedClick(40, 20, IsPositive: false), click);
    }

    [Fact]
    public void A_missed_region_larger_than_the_false_one_gets_a_positive_click()
    {
        var truth = new HandMask(60, 40).Rect(5, 5, 25, 35);
        var predicted = new HandMask(60, 40).Rect(5, 5, 25, 14).Rect(40, 30, 42, 32);

        var click = ClickSimulator.Next(truth.Pixels, predicted.Pixels, 60, 40);

        Assert.Equal(new SimulatedClick(15, 25, IsPositive: true), click);
    }

    [Fact]
    public void The_largest_region_wins_over_a_smaller_one_of_the_same_kind()
    {
        var truth = new HandMask(60, 40).Rect(2, 2, 8, 8).Rect(30, 10, 44, 24);

        var click = ClickSimulator.Next(truth.Pixels, new bool[60 * 40], 60, 40);

        Assert.Equal(new SimulatedClick(37, 17, IsPositive: true), click);
    }

    [Fact]
    public void The_click_is_the_point_farthest_from_the_boundary_not_the_centroid()
    {
        // A 11×11 square with a long one-pixel tail: the tail drags the centroid out of the square, not the deepest point.
        var truth = new HandMask(80, 20).Rect(2, 4, 12, 14).Rect(13, 9, 77, 9);

        var click = ClickSimulator.Next(truth.Pixels, new bool[80 * 20], 80, 20);

        Assert.Equal(new SimulatedClick(7, 9, IsPositive: true), click);
    }

    [Fact]
    public void The_image_edge_counts_as_boundary_so_a_region_cut_by_it_is_clicked_inside()
    {
        var truth = new HandMask(30, 31).Rect(0, 11, 8, 19);

        var click = ClickSimulator.Next(truth.Pixels, new bool[30 * 31], 30, 31);

        Assert.Equal(new SimulatedClick(4, 15, IsPositive: true), click);
    }

    [Fact]
    public void An_exact_mask_needs_no_click()
    {
        var truth = new HandMask(20, 20).Rect(3, 3, 9, 9);

        Assert.Null(ClickSimulator.Next(truth.Pixels, truth.Copy().Pixels, 20, 20));
    }

    [Fact]
    public void Masks_of_the_wrong_size_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClickSimulator.Next(new bool[10], new bool[12], 5, 2));
    }
}

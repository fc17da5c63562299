using WeakSegPortal.ML.Propagation;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>The stop rule's cases, one per clause, and the continuing cases on either side of each threshold.</summary>
public sealed class PropagationStopTests
{
    private const int Side = 40;

    [Fact]
    public void A_similar_mask_continues() => Assert.Null(PropagationStop.Reason(Square(5, 5, 20), Square(6, 5, 20)));

    [Fact]
    public void No_mask_stops() => Assert.Equal("The engine gave no mask here.", PropagationStop.Reason(Square(5, 5, 20), null));

    [Fact]
    public void An_empty_mask_stops() => Assert.Equal("The object ends here: the mask is empty.", PropagationStop.Reason(Square(5, 5, 20), new bool[Side * Side]));

    [Fact]
    public void A_mask_of_fifteen_pixels_stops_and_one_of_sixteen_continues()
    {
        Assert.Equal("The object ends here: the mask has 15 pixels (fewer than 16).", PropagationStop.Reason(Square(5, 5, 5), Rect(5, 5, 5, 3)));
        Assert.Null(PropagationStop.Reason(Square(5, 5, 5), Square(5, 5, 4)));
    }

    [Fact]
    public void An_area_below_35_percent_of_the_previous_stops() =>
        // 100 → 30 pixels inside it: Dice 0.46 would stop too, but the collapse is named first.
        Assert.StartsWith("The area collapsed to 30", PropagationStop.Reason(Square(5, 5, 10), Rect(5, 5, 10, 3)));

    [Fact]
    public void An_area_of_40_percent_continues() => Assert.Null(PropagationStop.Reason(Square(5, 5, 10), Rect(5, 5, 10, 4)));

    [Fact]
    public void An_area_above_250_percent_stops_as_a_leak() =>
        Assert.EndsWith("it leaked.", PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 16)));

    [Fact]
    public void An_area_of_twice_the_previous_continues() => Assert.Null(PropagationStop.Reason(Square(5, 5, 10), Rect(5, 5, 10, 20)));

    [Fact]
    public void The_same_area_elsewhere_stops_on_dice() =>
        Assert.Equal("The mask moved away from the previous slice's (Dice 0.00, below 0.50).", PropagationStop.Reason(Square(0, 0, 10), Square(20, 20, 10)));

    [Fact]
    public void Half_overlapping_masks_of_the_same_area_continue_at_dice_050() =>
        Assert.Null(PropagationStop.Reason(Square(0, 0, 10), Square(5, 0, 10)));

    private static bool[] Square(int x0, int y0, int side) => Rect(x0, y0, side, side);

    private static bool[] Rect(int x0, int y0, int w, int h)
    {
        var mask = new bool[Side * Side];
        for (var y = y0; y < y0 + h; y++)
        {
            for (var x = x0; x < x0 + w; x++)
            {
                mask[(y * Side) + x] = true;
            }
        }
        return mask;
    }
}

using WeakSegPortal.ML.Propagation;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>
/// The stop rule's cases, one per clause, and the continuing cases on either side of each threshold. The geometric clauses
/// are tried on a flat slice (the object's intensity cannot move); the intensity clause on slices painted by hand.
/// </summary>
public sealed class PropagationStopTests
{
    private const int Side = 40;

    /// <summary>The geometric clauses: the object and the next mask on flat slices of 0.</summary>
    private static string? Reason(bool[] previous, bool[]? next) =>
        PropagationStop.Reason(previous, next, new MaskIntensity(0, 0, 1), new float[Side * Side]);

    [Fact]
    public void A_similar_mask_continues() => Assert.Null(Reason(Square(5, 5, 20), Square(6, 5, 20)));

    [Fact]
    public void No_mask_stops() => Assert.Equal("The engine gave no mask here.", Reason(Square(5, 5, 20), null));

    [Fact]
    public void An_empty_mask_stops() => Assert.Equal("The object ends here: the mask is empty.", Reason(Square(5, 5, 20), new bool[Side * Side]));

    [Fact]
    public void A_mask_of_fifteen_pixels_stops_and_one_of_sixteen_continues()
    {
        Assert.Equal("The object ends here: the mask has 15 pixels (fewer than 16).", Reason(Square(5, 5, 5), Rect(5, 5, 5, 3)));
        Assert.Null(Reason(Square(5, 5, 5), Square(5, 5, 4)));
    }

    [Fact]
    public void An_area_below_35_percent_of_the_previous_stops() =>
        // 100 → 30 pixels inside it: Dice 0.46 would stop too, but the collapse is named first.
        Assert.StartsWith("The area collapsed to 30", Reason(Square(5, 5, 10), Rect(5, 5, 10, 3)));

    [Fact]
    public void An_area_of_40_percent_continues() => Assert.Null(Reason(Square(5, 5, 10), Rect(5, 5, 10, 4)));

    [Fact]
    public void An_area_above_250_percent_stops_as_a_leak() =>
        Assert.EndsWith("it leaked.", Reason(Square(5, 5, 10), Square(5, 5, 16)));

    [Fact]
    public void An_area_of_twice_the_previous_continues() => Assert.Null(Reason(Square(5, 5, 10), Rect(5, 5, 10, 20)));

    [Fact]
    public void The_same_area_elsewhere_stops_on_dice() =>
        Assert.Equal("The mask moved away from the previous slice's (Dice 0.00, below 0.50).", Reason(Square(0, 0, 10), Square(20, 20, 10)));

    [Fact]
    public void Half_overlapping_masks_of_the_same_area_continue_at_dice_050() =>
        Assert.Null(Reason(Square(0, 0, 10), Square(5, 0, 10)));

    [Fact]
    public void The_intensity_is_the_median_and_the_spread_1_4826_times_the_median_absolute_deviation()
    {
        // Values 1, 2, 3, 4, 100 under the mask: median 3; deviations 2, 1, 0, 1, 97, their median 1.
        var mask = Rect(0, 0, 5, 1);
        var values = new float[Side * Side];
        (values[0], values[1], values[2], values[3], values[4], values[5]) = (1, 2, 3, 4, 100, 1000);
        Assert.Equal(new MaskIntensity(3, 1.4826, 5), MaskIntensity.Of(mask, values));
        // An even count takes the mean of the two middle values: 1, 2, 3, 4 → median 2.5; deviations 1.5, 0.5, 0.5, 1.5 → 1.
        Assert.Equal(new MaskIntensity(2.5, 1.4826, 4), MaskIntensity.Of(Rect(0, 0, 4, 1), values));
        Assert.Null(MaskIntensity.Of(new bool[Side * Side], values));
    }

    [Fact]
    public void A_median_moved_by_up_to_three_spreads_of_the_start_object_continues_and_by_more_stops()
    {
        // The start object: half its pixels 50, half 70 → median 60, every deviation 10 → spread 14.826, tolerance 44.478.
        var start = MaskIntensity.Of(Square(5, 5, 10), Paint(Square(5, 5, 10), 50, 70))!;
        Assert.Equal((60.0, 14.826), (start.Median, Math.Round(start.Spread, 3)));

        // The same mask one slice on, its pixels 94 and 114 (median 104, 44 away): continues; 95 and 115 (median 105, 45 away): stops.
        Assert.Null(PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 10), start, Paint(Square(5, 5, 10), 94, 114)));
        Assert.Equal(
            "The mask's intensity moved from 60 to 105 (median), more than 3 × the object's spread on the start slice (14.8): it slid onto something else.",
            PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 10), start, Paint(Square(5, 5, 10), 95, 115)));
        // Downwards alike: median 15 (45 below) stops.
        Assert.NotNull(PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 10), start, Paint(Square(5, 5, 10), 5, 25)));
    }

    [Fact]
    public void A_gradual_hand_over_to_a_brighter_neighbour_stops_once_most_of_the_mask_is_the_neighbour()
    {
        // The liver: 50 and 70 (median 60, spread 14.8). The next mask is the same square, but its last rows lie on a kidney of
        // 150: 4 rows of 10 (40 %): sorted 30 × 50, 30 × 70, 40 × 150, the 50th and 51st are 70 → median 70, 10 away: continues
        // (the mean, 96, would have moved 36). 6 rows (60 %): 20 × 50, 20 × 70, 60 × 150 → median 150, 90 away: stops.
        var liver = MaskIntensity.Of(Square(5, 5, 10), Paint(Square(5, 5, 10), 50, 70))!;
        Assert.Null(PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 10), liver, Kidney(Paint(Square(5, 5, 10), 50, 70), rows: 4)));
        Assert.StartsWith("The mask's intensity moved from 60 to 150 (median)",
            PropagationStop.Reason(Square(5, 5, 10), Square(5, 5, 10), liver, Kidney(Paint(Square(5, 5, 10), 50, 70), rows: 6)));
    }

    [Fact]
    public void On_a_flat_object_any_move_of_the_median_stops()
    {
        var flat = MaskIntensity.Of(Square(5, 5, 10), Paint(Square(5, 5, 10), 60, 60))!;
        Assert.Equal(0, flat.Spread);
        Assert.Null(PropagationStop.Reason(Square(5, 5, 10), Square(6, 5, 10), flat, Paint(Square(6, 5, 10), 60, 60)));
        Assert.StartsWith("The mask's intensity moved from 60 to 61", PropagationStop.Reason(Square(5, 5, 10), Square(6, 5, 10), flat, Paint(Square(6, 5, 10), 61, 61)));
    }

    [Fact]
    public void The_geometric_clauses_are_named_before_the_intensity()
    {
        var start = MaskIntensity.Of(Square(5, 5, 10), Paint(Square(5, 5, 10), 50, 70))!;
        Assert.StartsWith("The area collapsed", PropagationStop.Reason(Square(5, 5, 10), Rect(5, 5, 10, 3), start, Paint(Rect(5, 5, 10, 3), 150, 150)));
    }

    /// <summary>A slice of −1000 with <paramref name="mask"/>'s pixels painted <paramref name="even"/> and <paramref name="odd"/> in turn (column parity, so each row holds both).</summary>
    private static float[] Paint(bool[] mask, float even, float odd)
    {
        var values = new float[Side * Side];
        for (var n = 0; n < values.Length; n++)
        {
            values[n] = !mask[n] ? -1000 : n % 2 == 0 ? even : odd;
        }
        return values;
    }

    /// <summary>The square at (5, 5, 10)'s last <paramref name="rows"/> rows painted 150.</summary>
    private static float[] Kidney(float[] values, int rows)
    {
        for (var y = 15 - rows; y < 15; y++)
        {
            for (var x = 5; x < 15; x++)
            {
                values[(y * Side) + x] = 150;
            }
        }
        return values;
    }

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

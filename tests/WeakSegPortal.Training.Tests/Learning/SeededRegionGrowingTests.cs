using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class SeededRegionGrowingTests
{
    private const long Ignore = PartialCrossEntropy.Ignore;

    [Fact]
    public void A_seed_takes_left_out_neighbours_within_the_tolerance_of_its_running_mean_and_stops_at_an_edge()
    {
        // Seed 0.5. Pixel 1 (0.52, 0.02 from 0.5) joins: mean 0.51. Pixel 2 (0.58, 0.07 from 0.51) joins: mean 0.5333.
        // Pixel 3 (0.9, 0.367 away) does not, so pixel 4 behind it is never reached; background pixel 5 stays background.
        var grown = SeededRegionGrowing.Grow([1, Ignore, Ignore, Ignore, Ignore, 0], [0.5f, 0.52f, 0.58f, 0.9f, 0.55f, 0.5f], 6, [1], 0.1);

        Assert.Equal([1L, 1, 1, Ignore, Ignore, 0], grown);
    }

    [Fact]
    public void Where_two_regions_reach_the_same_pixel_the_one_closer_in_intensity_takes_it()
    {
        // Class 1 (0.2) takes pixel 1 (0.25): mean 0.225; class 2 (0.8) takes pixel 3 (0.75): mean 0.775.
        // Pixel 2 (0.55) is 0.325 from class 1 and 0.225 from class 2, both within 0.4: class 2 takes it.
        var grown = SeededRegionGrowing.Grow([1, Ignore, Ignore, Ignore, 2], [0.2f, 0.25f, 0.55f, 0.75f, 0.8f], 5, [1, 2], 0.4);

        Assert.Equal([1L, 1, 2, 2, 2], grown);
    }

    [Fact]
    public void A_joining_pixel_is_measured_against_the_mean_as_it_is_when_its_turn_comes()
    {
        // Seed 0.5; pixel 1 (0.57) joins at 0.07: mean 0.535. Pixel 2 (0.64) is 0.105 from it, beyond 0.08: the region stops
        // although pixel 2 is within 0.08 of pixel 1.
        var grown = SeededRegionGrowing.Grow([1, Ignore, Ignore], [0.5f, 0.57f, 0.64f], 3, [1], 0.08);

        Assert.Equal([1L, 1, Ignore], grown);
    }

    [Fact]
    public void Only_left_out_pixels_join_only_the_growing_classes_grow_and_diagonals_are_not_neighbours()
    {
        // 2×3, all one intensity. Class 1 at (0,0) grows; class 2 at (2,0) is not growing; background at (1,0) stays.
        // (0,1) is below the seed: it joins, then (1,1) beside it, then (2,1); class 2's seed stays class 2.
        Assert.Equal([1L, 0, 2, 1, 1, 1],
            SeededRegionGrowing.Grow([1, 0, 2, Ignore, Ignore, Ignore], [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f], 3, [1], 0.01));
        // 2×2: the left-out pixel touches the seed only at a corner.
        Assert.Equal([1L, 0, 0, Ignore], SeededRegionGrowing.Grow([1, 0, 0, Ignore], [0.5f, 0.5f, 0.5f, 0.5f], 2, [1], 0.01));
    }
}

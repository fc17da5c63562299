using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class ClassActivationPseudoMaskTests
{
    private const long Ignore = PartialCrossEntropy.Ignore;

    // Six pixels, two tags. Tag 1's map (peak 4) rectified and normalised: 0, .5, 1, .25, .05, .2.
    // Tag 2's map (peak 6): .5, 0, .1667, 1, .1, 0.
    private static readonly float[] Maps = [-1, 2, 4, 1, 0.2f, 0.8f, 3, 0, 1, 6, 0.6f, -2];

    [Fact]
    public void Each_pixel_takes_the_strongest_present_class_above_half_its_peak_background_below_a_seventh_and_is_ignored_between()
    {
        // Pixel 0: tag 2 at .5 → class 2. 1: tag 1 at .5 → 1. 2: tag 1 at 1 → 1. 3: tag 2 at 1 → 2.
        // 4: strongest .1 < .15 → background. 5: strongest .2, between .15 and .5 → ignored.
        var target = ClassActivationPseudoMask.FromMaps(Maps, [1, 1], 6);

        Assert.Equal([2L, 1, 1, 2, 0, Ignore], target);
    }

    [Fact]
    public void A_class_tagged_absent_takes_no_pixel_however_strong_its_map()
    {
        // Only tag 1 counts: 0 → background, .5 → 1, 1 → 1, .25 → ignored, .05 → background, .2 → ignored.
        var target = ClassActivationPseudoMask.FromMaps(Maps, [1, 0], 6);

        Assert.Equal([0L, 1, 1, Ignore, 0, Ignore], target);
    }

    [Fact]
    public void A_pixel_that_two_present_classes_both_claim_is_left_out()
    {
        // Pixel 0: .75 and .6, both at least half their peak → ignored. Pixel 1: 1 and .4 → class 1. Pixel 2: .5 and 1 → ignored.
        var target = ClassActivationPseudoMask.FromMaps([3, 4, 2, 3, 2, 5], [1, 1], 3);

        Assert.Equal([Ignore, 1L, Ignore], target);
    }

    [Fact]
    public void An_image_with_every_class_absent_is_background_and_one_with_an_unknown_tag_is_left_out()
    {
        Assert.Equal([0L, 0, 0], ClassActivationPseudoMask.FromMaps([], [0, 0], 3));
        Assert.Equal([Ignore, Ignore, Ignore], ClassActivationPseudoMask.FromMaps([], [1, TagClassificationLoss.Unknown], 3));
    }
}

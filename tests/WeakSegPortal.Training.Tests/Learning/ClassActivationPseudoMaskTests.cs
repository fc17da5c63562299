using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class ClassActivationPseudoMaskTests
{
    private const long Ignore = PartialCrossEntropy.Ignore;

    // One row of 12 pixels. Both tags' maps are the same (as the benchmark's classifier gives them): peak 4 on pixels 1–10,
    // 0 at the ends. The intensity steps by 0.2 between pixels 5 and 6, so the lit pixels are two pieces of 5 (the least
    // kept): "dim" {1..5} with median 0.7 and "bright" {6..10} with median 0.9; the ends (map 0 < 0.15 of the peak) are background.
    private static readonly float[] OneMap = [0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0];
    private static readonly float[] BothMaps = [.. OneMap, .. OneMap];
    private static readonly float[] Intensity = [0.5f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f];

    // Profiles of 5-pixel pieces: class 1 (tag 0) at 0.7, class 2 (tag 1) at 0.9, spreads at their floors.
    private static readonly ClassProfile Dim = new(0.7, 0.05, Math.Log(5), 0.3);
    private static readonly ClassProfile Bright = new(0.9, 0.05, Math.Log(5), 0.3);

    [Fact]
    public void Each_lit_piece_goes_to_the_present_class_whose_profile_it_matches_where_the_maps_cannot_tell_the_classes_apart()
    {
        // Dim piece at 0.7: 0 spreads from Dim, 4 from Bright → class 1. Bright piece at 0.9: 4 from Dim, 0 from Bright → class 2.
        var target = ClassActivationPseudoMask.FromComponents(BothMaps, [1, 1], [0, 1], Intensity, 12, new Dictionary<int, ClassProfile> { [0] = Dim, [1] = Bright });

        Assert.Equal([0L, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0], target);
    }

    [Fact]
    public void A_piece_like_no_profiled_class_goes_to_the_one_present_class_without_a_profile()
    {
        // Only class 1 has a profile. The bright piece at 0.9 is 4 spreads from it (beyond 3): it is what is left, class 2.
        var target = ClassActivationPseudoMask.FromComponents(BothMaps, [1, 1], [0, 1], Intensity, 12, new Dictionary<int, ClassProfile> { [0] = Dim });

        Assert.Equal([0L, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0], target);
    }

    [Fact]
    public void When_a_present_class_gets_no_piece_no_pixel_is_background()
    {
        // No step: one piece {1..10} at 0.7 matches class 1; class 2 is present but found nowhere, so the ends, whose maps
        // are dark, may hold it: left out rather than background.
        float[] flat = [0.5f, .. Enumerable.Repeat(0.7f, 10), 0.5f];

        var target = ClassActivationPseudoMask.FromComponents(BothMaps, [1, 1], [0, 1], flat, 12, new Dictionary<int, ClassProfile> { [0] = Dim, [1] = Bright });

        Assert.Equal([Ignore, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, Ignore], target);
    }

    [Fact]
    public void A_piece_too_far_from_its_only_class_is_left_out_and_so_is_the_background()
    {
        // Tag 1 absent, so class 2 takes nothing; the bright piece is 4 spreads from class 1's profile: left out. The dim
        // piece is class 1, so class 1 is found and the ends stay background.
        var target = ClassActivationPseudoMask.FromComponents(BothMaps, [1, 0], [0], Intensity, 12, new Dictionary<int, ClassProfile> { [0] = Dim });

        Assert.Equal([0L, 1, 1, 1, 1, 1, Ignore, Ignore, Ignore, Ignore, Ignore, 0], target);
    }

    [Fact]
    public void An_untrusted_map_marks_nothing_and_an_image_all_absent_is_background_one_with_an_unknown_tag_left_out()
    {
        // Class 1 present but its map not counted on this image (its peak far below the class's usual one): nothing known.
        Assert.Equal(Enumerable.Repeat(Ignore, 12), ClassActivationPseudoMask.FromComponents(BothMaps, [1, 0], [], Intensity, 12, new Dictionary<int, ClassProfile> { [0] = Dim }));
        Assert.Equal(Enumerable.Repeat(0L, 12), ClassActivationPseudoMask.FromComponents([], [0, 0], [], Intensity, 12, new Dictionary<int, ClassProfile>()));
        Assert.Equal(Enumerable.Repeat(Ignore, 12), ClassActivationPseudoMask.FromComponents([], [1, TagClassificationLoss.Unknown], [], Intensity, 12, new Dictionary<int, ClassProfile>()));
    }

    [Fact]
    public void A_present_class_no_lit_piece_matches_takes_the_enclosed_region_of_its_profiles_size()
    {
        // 7×7 body at 0.45 (it touches the border, so it is no candidate). A bright organ (0.7) on rows 1–2, columns 1–3, lit
        // by both maps; a dark organ (0.2) on rows 4–5, columns 2–4, which no map lights. The bright piece is class 1 (class
        // 2's profile, 0.9, is 4 spreads away); class 2 is then found nowhere lit, and the dark region (6 px, the size of its
        // profile: 0 area spreads) becomes class 2. Every class found: the dark-mapped rest is background.
        var intensity = Enumerable.Repeat(0.45f, 49).ToArray();
        var map = new float[49];
        int[] bright = [8, 9, 10, 15, 16, 17];
        int[] dark = [30, 31, 32, 37, 38, 39];
        foreach (var v in bright)
        {
            (intensity[v], map[v]) = (0.7f, 4);
        }
        foreach (var v in dark)
        {
            intensity[v] = 0.2f;
        }
        var dimSix = new ClassProfile(0.7, 0.05, Math.Log(6), 0.3);
        float[] maps = [.. map, .. map];

        var found = ClassActivationPseudoMask.FromComponents(maps, [1, 1], [0, 1], intensity, 7,
            new Dictionary<int, ClassProfile> { [0] = dimSix, [1] = new(0.9, 0.05, Math.Log(6), 0.3) });
        // With class 2's profile at 30 px the region is ln 5 / 0.3 = 5.4 spreads off: class 2 stays unfound, no background.
        var missed = ClassActivationPseudoMask.FromComponents(maps, [1, 1], [0, 1], intensity, 7,
            new Dictionary<int, ClassProfile> { [0] = dimSix, [1] = new(0.9, 0.05, Math.Log(30), 0.3) });

        Assert.Equal(Enumerable.Range(0, 49).Select(v => bright.Contains(v) ? 1L : dark.Contains(v) ? 2L : 0L), found);
        Assert.Equal(Enumerable.Range(0, 49).Select(v => bright.Contains(v) ? 1L : Ignore), missed);
    }
}

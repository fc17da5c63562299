using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Tests.Learning;

public class ActivationComponentsTests
{
    [Fact]
    public void Lit_pixels_split_where_neighbouring_intensities_step_by_more_than_the_edge()
    {
        // Peak 4: pixels 1–6 at 1.0 of it are lit; the step 0.72 → 0.9 (0.18 > 0.1) splits them. Medians: 0.7 and 0.9.
        float[] map = [0, 4, 4, 4, 4, 4, 4, 0];
        float[] intensity = [0.5f, 0.7f, 0.68f, 0.72f, 0.9f, 0.88f, 0.93f, 0.5f];

        var pieces = ActivationComponents.Find(map, [0], intensity, 8, lit: 0.3, edge: 0.1, minimumPixels: 3);

        Assert.Equal(2, pieces.Count);
        Assert.Equal([1, 2, 3], pieces[0].Pixels);
        Assert.Equal(0.7, pieces[0].Intensity, 6);
        Assert.Equal([4, 5, 6], pieces[1].Pixels);
        Assert.Equal(0.9, pieces[1].Intensity, 6);
        Assert.Equal(Math.Log(3), pieces[1].LogArea, 9);
        Assert.Empty(ActivationComponents.Find(map, [0], intensity, 8, lit: 0.3, edge: 0.1, minimumPixels: 4));
    }

    [Fact]
    public void A_pixel_below_the_lit_share_of_its_peak_or_lit_only_by_an_uncounted_map_is_not_part_of_a_piece()
    {
        // 3×3, tag 0: peak 10 at the centre, 2.9 (0.29 < 0.3) on the right edge column, 3 (0.3) above and below the centre.
        // Tag 1 lights the corner pixel 0, but only tag 0 counts. Same intensity everywhere: one piece {1, 4, 7}.
        float[] maps =
        [
            0, 3, 2.9f, 0, 10, 2.9f, 0, 3, 2.9f,
            9, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        var intensity = Enumerable.Repeat(0.5f, 9).ToArray();

        var pieces = ActivationComponents.Find(maps, [0], intensity, 3, lit: 0.3, edge: 0.1, minimumPixels: 1);

        Assert.Equal([1, 4, 7], Assert.Single(pieces).Pixels);
    }

    [Fact]
    public void Pixels_that_touch_only_at_a_corner_are_separate_pieces()
    {
        // 2×2 diagonal: pixels 0 and 3 lit, 1 and 2 dark.
        var pieces = ActivationComponents.Find([1, 0, 0, 1], [0], [0.5f, 0.5f, 0.5f, 0.5f], 2, lit: 0.3, edge: 0.1, minimumPixels: 1);

        Assert.Equal([[0], [3]], pieces.Select(p => p.Pixels));
    }

    [Fact]
    public void Regions_are_the_intensity_pieces_of_the_whole_image_that_do_not_touch_its_border()
    {
        // 4×4 at 0.5 with a 2×2 block at 0.9 in the middle (pixels 5, 6, 9, 10): the outer ring touches the border and is
        // dropped; the block is the one region.
        var intensity = Enumerable.Repeat(0.5f, 16).ToArray();
        foreach (var v in new[] { 5, 6, 9, 10 })
        {
            intensity[v] = 0.9f;
        }

        var regions = ActivationComponents.Regions(intensity, 4, edge: 0.1, minimumPixels: 1);

        Assert.Equal([5, 6, 9, 10], Assert.Single(regions).Pixels);
    }
}

using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class PolygonRasterizerTests
{
    [Fact]
    public void Rectangle_fills_the_voxel_centres_inside_it()
    {
        var grid = Grid.Planar(6, 5);
        var polygon = new Polygon([new(0.5, 0.5), new(4.5, 0.5), new(4.5, 3.5), new(0.5, 3.5)], 0, 1);
        Assert.Equal(
            MaskPicture.Mask("......", ".####.", ".####.", ".####.", "......"),
            PolygonRasterizer.ToMask(polygon, grid));
    }

    [Fact]
    public void Triangle_fills_by_scanline_and_leaves_centres_on_its_right_edge_out()
    {
        // The diagonal runs through the centres (j, j): it is the right edge, so they stay out.
        var grid = Grid.Planar(5, 5);
        var polygon = new Polygon([new(-0.5, -0.5), new(4.5, 4.5), new(-0.5, 4.5)], 0, 1);
        Assert.Equal(
            MaskPicture.Mask(".....", "#....", "##...", "###..", "####."),
            PolygonRasterizer.ToMask(polygon, grid));
    }

    [Fact]
    public void Self_crossing_outline_follows_the_even_odd_rule()
    {
        // Two overlapping squares traced as one outline: the overlap is crossed twice and stays empty.
        var grid = Grid.Planar(7, 3);
        var polygon = new Polygon(
            [new(-0.5, -0.5), new(4.5, -0.5), new(4.5, 2.5), new(1.5, 2.5), new(1.5, -0.5), new(6.5, -0.5), new(6.5, 2.5), new(-0.5, 2.5)],
            0, 1);
        Assert.Equal(
            MaskPicture.Mask("##...##", "##...##", "##...##"),
            PolygonRasterizer.ToMask(polygon, grid));
    }

    [Fact]
    public void Fill_stays_on_its_slice_and_inside_the_grid()
    {
        var grid = new Grid(3, 3, 2);
        var mask = PolygonRasterizer.ToMask(new Polygon([new(-0.5, -0.5), new(2.5, -0.5), new(2.5, 2.5), new(-0.5, 2.5)], 1, 1), grid);
        Assert.Equal([.. Enumerable.Repeat(false, 9), .. Enumerable.Repeat(true, 9)], mask);
    }

    [Fact]
    public void Area_is_the_enclosed_area()
    {
        Assert.Equal(12, PolygonRasterizer.Area([new(0, 0), new(4, 0), new(4, 3), new(0, 3)]));
        Assert.Equal(0, PolygonRasterizer.Area([new(0, 0), new(1, 1), new(2, 2)]));
    }
}

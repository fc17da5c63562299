using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class BoxRasterizerTests
{
    [Fact]
    public void Box_fills_voxels_whose_centres_lie_inside_edges_included()
    {
        var grid = Grid.Planar(5, 5);
        var mask = BoxRasterizer.ToMask(new Box2D(1, 1, 3, 3, 0), grid);
        Assert.Equal(
            MaskPicture.Mask(".....", ".###.", ".###.", ".###.", "....."),
            mask);
    }

    [Fact]
    public void Corner_order_does_not_matter()
    {
        var grid = Grid.Planar(6, 6);
        Assert.Equal(
            BoxRasterizer.ToMask(new Box2D(0.6, 1.2, 3.4, 4.9, 0), grid),
            BoxRasterizer.ToMask(new Box2D(3.4, 4.9, 0.6, 1.2, 0), grid));
    }

    [Fact]
    public void Box_is_clipped_to_the_image_and_drawn_only_on_its_slice()
    {
        var grid = new Grid(4, 4, 3);
        var mask = BoxRasterizer.ToMask(new Box2D(-5, 2.5, 10, 9, 1), grid);
        Assert.Equal(4, LabelMasks.Count(mask));
        Assert.True(mask[grid.Index(0, 3, 1)]);
        Assert.False(mask[grid.Index(0, 3, 0)]);
        Assert.False(mask[grid.Index(0, 2, 1)]);
    }

    [Fact]
    public void Box3D_fills_every_slice_it_spans()
    {
        var grid = new Grid(4, 4, 4);
        var mask = BoxRasterizer.ToMask(new Box3D(0, 0, 0.5, 1, 1, 2.5), grid);
        Assert.Equal(8, LabelMasks.Count(mask));
        Assert.True(mask[grid.Index(1, 1, 2)]);
        Assert.False(mask[grid.Index(1, 1, 0)]);
    }
}

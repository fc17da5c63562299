using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class PointRasterizerTests
{
    [Fact]
    public void Point_maps_to_the_nearest_voxel_centre()
    {
        var grid = new Grid(5, 5, 2);
        Assert.Equal(grid.Index(2, 3, 1), PointRasterizer.IndexOf(new LabelPoint(2.4, 2.6, 1, 1), grid));
    }

    [Fact]
    public void Point_outside_the_image_has_no_voxel()
    {
        var grid = Grid.Planar(5, 5);
        Assert.Equal(-1, PointRasterizer.IndexOf(new LabelPoint(4.6, 0, 0, 1), grid));
        Assert.Equal(-1, PointRasterizer.IndexOf(new LabelPoint(1, 1, 1, 1), grid));
    }

    [Fact]
    public void Point_mask_has_exactly_one_voxel()
    {
        var mask = PointRasterizer.ToMask(new LabelPoint(1, 0, 0, 1), Grid.Planar(3, 2));
        Assert.Equal(MaskPicture.Mask(".#.", "..."), mask);
    }
}

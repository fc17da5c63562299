using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class ImageBoundsTests
{
    private readonly Grid grid = new(10, 8, 4);

    [Fact]
    public void Box_reaching_the_outer_voxel_edges_is_inside() =>
        Assert.True(ImageBounds.Contains(grid, new Box2D(-0.5, -0.5, 9.5, 7.5, 3)));

    [Theory]
    [InlineData(-0.6, 0, 5, 5, 0)]
    [InlineData(0, 0, 9.6, 5, 0)]
    [InlineData(0, 0, 5, 7.6, 0)]
    [InlineData(0, 0, 5, 5, 4)]
    [InlineData(0, 0, 5, 5, -1)]
    [InlineData(double.NaN, 0, 5, 5, 0)]
    public void Box_beyond_the_image_is_refused(double x0, double y0, double x1, double y1, int slice) =>
        Assert.False(ImageBounds.Contains(grid, new Box2D(x0, y0, x1, y1, slice)));

    [Fact]
    public void Box3D_must_stay_within_the_slices() =>
        Assert.False(ImageBounds.Contains(grid, new Box3D(0, 0, 0, 5, 5, 3.6)));

    [Fact]
    public void Scribble_with_one_point_off_the_image_is_refused()
    {
        Assert.True(ImageBounds.Contains(grid, new Scribble([new(0, 0), new(9, 7)], 2, 1, 1)));
        Assert.False(ImageBounds.Contains(grid, new Scribble([new(0, 0), new(9, 8)], 2, 1, 1)));
        Assert.False(ImageBounds.Contains(grid, new Scribble([], 2, 1, 1)));
        Assert.False(ImageBounds.Contains(grid, new Scribble([new(0, 0)], 0, 1, 1)));
    }

    [Fact]
    public void Point_and_tag_need_an_existing_slice()
    {
        Assert.True(ImageBounds.Contains(grid, new LabelPoint(3, 3, 2, 1)));
        Assert.False(ImageBounds.Contains(grid, new LabelPoint(3, 3, 4, 1)));
        Assert.True(ImageBounds.Contains(grid, new Tag(1, true)));
        Assert.False(ImageBounds.Contains(grid, new Tag(1, true, 9)));
    }
}

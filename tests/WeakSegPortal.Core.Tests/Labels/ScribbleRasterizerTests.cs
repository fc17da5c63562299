using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class ScribbleRasterizerTests
{
    [Fact]
    public void One_pixel_line_marks_the_voxels_it_crosses()
    {
        var grid = Grid.Planar(7, 5);
        var scribble = new Scribble([new(1, 2), new(5, 2)], 1, 0, 1);
        Assert.Equal(
            MaskPicture.Mask(".......", ".......", ".#####.", ".......", "......."),
            ScribbleRasterizer.ToMask(scribble, grid));
    }

    [Fact]
    public void Three_pixel_line_covers_everything_within_one_and_a_half_pixels()
    {
        // Radius 1.5: the rows above and below (distance 1) and the diagonal end voxels (√2 ≈ 1.41) are in.
        var grid = Grid.Planar(7, 5);
        var scribble = new Scribble([new(1, 2), new(5, 2)], 3, 0, 1);
        Assert.Equal(
            MaskPicture.Mask(".......", "#######", "#######", "#######", "......."),
            ScribbleRasterizer.ToMask(scribble, grid));
    }

    [Fact]
    public void Single_point_scribble_marks_one_voxel()
    {
        var grid = Grid.Planar(3, 3);
        var mask = ScribbleRasterizer.ToMask(new Scribble([new(1, 1)], 0.2, 0, 1), grid);
        Assert.Equal(MaskPicture.Mask("...", ".#.", "..."), mask);
    }

    [Fact]
    public void Diagonal_line_stays_on_its_slice()
    {
        var grid = new Grid(4, 4, 2);
        var mask = ScribbleRasterizer.ToMask(new Scribble([new(0, 0), new(3, 3)], 1, 1, 1), grid);
        Assert.Equal(4, LabelMasks.Count(mask));
        Assert.True(mask[grid.Index(2, 2, 1)]);
        Assert.False(mask[grid.Index(2, 2, 0)]);
    }
}

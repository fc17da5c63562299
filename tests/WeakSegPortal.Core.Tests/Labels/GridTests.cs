using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class GridTests
{
    [Fact]
    public void Index_runs_x_fastest_then_y_then_slice()
    {
        var grid = new Grid(4, 3, 2);
        Assert.Equal(0, grid.Index(0, 0, 0));
        Assert.Equal(1, grid.Index(1, 0, 0));
        Assert.Equal(4, grid.Index(0, 1, 0));
        Assert.Equal(12, grid.Index(0, 0, 1));
        Assert.Equal(23, grid.Index(3, 2, 1));
        Assert.Equal(24, grid.Count);
    }

    [Fact]
    public void Planar_grid_has_one_slice()
    {
        var grid = Grid.Planar(5, 6, 0.5, 0.7);
        Assert.True(grid.IsPlanar);
        Assert.Equal(30, grid.Count);
        Assert.Equal(0.7, grid.SpacingY);
    }

    [Fact]
    public void Zero_spacing_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Grid(2, 2, 2, spacingX: 0));

    [Fact]
    public void Contains_rejects_indices_outside()
    {
        var grid = new Grid(4, 3, 2);
        Assert.True(grid.Contains(3, 2, 1));
        Assert.False(grid.Contains(4, 0, 0));
        Assert.False(grid.Contains(0, -1, 0));
        Assert.False(grid.Contains(0, 0, 2));
    }
}

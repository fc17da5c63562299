using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class ScribbleMetricsTests
{
    [Fact]
    public void Precision_is_the_share_of_the_scribble_inside_the_consensus()
    {
        var scribble = MaskPicture.Mask("####");
        var consensus = MaskPicture.Mask(".###");
        Assert.Equal(0.75, ScribblePrecision.Compute(scribble, consensus));
    }

    [Fact]
    public void Precision_of_an_empty_scribble_is_undefined() =>
        Assert.True(double.IsNaN(ScribblePrecision.Compute(new bool[3], new bool[3])));

    [Fact]
    public void Precision_where_voted_skips_voxels_nobody_else_labelled()
    {
        var scribble = MaskPicture.Mask("####");
        var consensus = MaskPicture.Mask("#...");
        Assert.Equal(0.5, ScribblePrecision.WhereVoted(scribble, consensus, [2, 1, 0, 0]));
    }

    [Fact]
    public void Chamfer_distance_averages_both_directions()
    {
        // A = {(0,0), (1,0)}, B = {(0,2)}. A→B: 2 and √5; B→A: 2.
        var grid = Grid.Planar(2, 3);
        var a = MaskPicture.Mask("##", "..", "..");
        var b = MaskPicture.Mask("..", "..", "#.");
        var expected = ((2 + Math.Sqrt(5)) / 2 + 2) / 2;
        Assert.Equal(expected, ChamferDistance.Symmetric(a, b, grid), 12);
        Assert.Equal(expected, ChamferDistance.Symmetric(b, a, grid), 12);
    }

    [Fact]
    public void Chamfer_distance_of_empty_scribbles()
    {
        var grid = Grid.Planar(2, 1);
        Assert.Equal(0, ChamferDistance.Symmetric(new bool[2], new bool[2], grid));
        Assert.True(double.IsPositiveInfinity(ChamferDistance.Symmetric([true, false], new bool[2], grid)));
    }

    [Fact]
    public void Conflicts_count_overlaps_with_different_classes()
    {
        const int background = 0;
        var a = new[] { 1, 1, 2, 0, -1, 1 };
        var b = new[] { 1, 2, 0, 1, 1, -1 };
        var conflict = ScribbleConflicts.Compare(a, b, background);
        Assert.Equal(4, conflict.OverlapVoxels);
        Assert.Equal(3, conflict.ClassConflictVoxels);
        Assert.Equal(2, conflict.ForegroundBackgroundConflictVoxels);
        Assert.Equal(0.75, conflict.ClassConflictFraction);
        Assert.Equal(0.5, conflict.ForegroundBackgroundFraction);
    }

    [Fact]
    public void Scribbles_that_do_not_overlap_have_no_conflict_fraction() =>
        Assert.Equal(0, ScribbleConflicts.Compare([1, -1], [-1, 2], 0).ClassConflictFraction);

    [Fact]
    public void Class_map_holds_the_last_scribble_per_voxel()
    {
        var map = ScribbleClassMap.Rasterize(
            [new Scribble([new(0, 0), new(2, 0)], 1, 0, 3), new Scribble([new(2, 0)], 1, 0, 0)],
            Grid.Planar(4, 1));
        Assert.Equal([3, 3, 0, -1], map);
    }
}

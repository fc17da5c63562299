using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class ScribbleCoverageTests
{
    [Fact]
    public void Sparse_comparison_matches_the_class_map_comparison()
    {
        var grid = Grid.Planar(40, 30);
        var random = new Random(3);
        Scribble Stroke() => new(
            [.. Enumerable.Range(0, 4).Select(_ => new PlanePoint(random.Next(40), random.Next(30)))],
            1 + random.Next(6), 0, random.Next(3));
        var a = Enumerable.Range(0, 5).Select(_ => Stroke()).ToList();
        var b = Enumerable.Range(0, 5).Select(_ => Stroke()).ToList();
        var scratch = Enumerable.Repeat(ScribbleClassMap.Unlabelled, grid.Count).ToArray();

        var sparse = ScribbleCoverage.Of(a, grid, scratch).ConflictsWith(ScribbleCoverage.Of(b, grid, scratch), 0);
        var dense = ScribbleConflicts.Compare(ScribbleClassMap.Rasterize(a, grid), ScribbleClassMap.Rasterize(b, grid), 0);

        Assert.Equal(dense, sparse);
        Assert.True(dense.OverlapVoxels > 0);
        Assert.All(scratch, c => Assert.Equal(ScribbleClassMap.Unlabelled, c));
    }
}
